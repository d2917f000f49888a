import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { exportColumns } from "@/lib/domain/exercises/export";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

// The auditors' exports read back with a real CSV parser and JSON.parse: counts equal the
// database, cells that a spreadsheet would run are neutralised, each export is audited as a read
// and stamped with the audit chain's head.

const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => signedIn.actor }));
const { GET } = await import("@/app/api/exercises/export/route");

const get = (query: string) => GET(new Request(`http://bulkhead.test/api/exercises/export${query}`));

// More than two pages of the JSON export (20 exercises a page).
const EXERCISES = 45;

beforeEach(async () => {
  await resetTables("AuditEvent", "ActionItem", "Finding", "ExerciseParticipant", "Exercise", "Contact", "User");
  signedIn.actor = await makeActor("AUDITOR", "auditor");
  const db = testDb();
  const owner = await db.contact.create({ data: { name: "Priya Raman", email: "priya@example.com" } });
  // Findings with multi-line and formula-like text.
  for (let i = 0; i < EXERCISES; i++) {
    await db.exercise.create({
      data: {
        kind: i % 2 ? "PURPLE_TEAM" : "TABLETOP",
        title: i === 0 ? '=HYPERLINK("http://evil.example","click")' : `Exercise ${i}`,
        scenario: "Cryptominer in a production namespace",
        facilitator: 'Dana Whitfield, "the" facilitator',
        status: "COMPLETED",
        conductedAt: new Date(Date.UTC(2026, i, 1)),
        outcome: "Line one\nline two, with a comma",
        participants: { create: [{ contactId: owner.id, attendance: "ATTENDED" }] },
        findings: {
          create: Array.from({ length: i % 3 }, (_, f) => ({
            title: `Finding ${i}.${f}`,
            category: "TOOLING" as const,
            severity: "MEDIUM" as const,
            recommendation: "-rf nothing; +1 @all",
            actionItems: {
              create: [
                { title: "Overdue item", ownerId: owner.id, dueAt: new Date(Date.now() - 86_400_000) },
                { title: "Done item", status: "DONE" as const, closedAt: new Date() },
              ],
            },
          })),
        },
      },
    });
  }
});

async function csv(table: string) {
  const response = await get(`?format=csv&table=${table}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
  expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="bulkhead-exercises-${table}-.*\\.csv"$`));
  const text = await response.text();
  expect(text.endsWith("\r\n")).toBe(true);
  const rows = parse(text, { columns: true, skip_empty_lines: false }) as Record<string, string>[];
  return { rows, text, response };
}

describe("GET /api/exercises/export", () => {
  it("exports each CSV table with a header row and exactly the database's rows", async () => {
    const db = testDb();
    const exercises = await csv("exercises");
    expect(Object.keys(exercises.rows[0]!)).toEqual(exportColumns("exercises"));
    expect(exercises.rows).toHaveLength(await db.exercise.count());
    expect(exercises.rows.find((r) => r.title?.includes("HYPERLINK"))?.title).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(exercises.rows[0]!.outcome).toBe("Line one\nline two, with a comma");
    expect(exercises.rows[0]!.facilitator).toBe('Dana Whitfield, "the" facilitator');

    const findings = await csv("findings");
    expect(findings.rows).toHaveLength(await db.finding.count());
    expect(new Set(findings.rows.map((r) => r.recommendation))).toEqual(new Set(["'-rf nothing; +1 @all"]));

    const items = await csv("action-items");
    expect(items.rows).toHaveLength(await db.actionItem.count());
    expect(items.rows.filter((r) => r.overdue === "yes")).toHaveLength(await db.actionItem.count({ where: { status: "OPEN" } }));
  });

  it("exports everything as one JSON document, stamped with the audit head of its own audited read", async () => {
    const response = await get("?format=json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="bulkhead-exercises-.*\.json"$/);
    const doc = JSON.parse(await response.text()) as {
      format: string;
      exportedAt: string;
      auditHead: { seq: string; hash: string };
      exercises: { id: string; participants: unknown[]; findings: { actionItems: { overdue: boolean }[] }[] }[];
    };
    expect(doc.format).toBe("bulkhead-exercises/1");
    expect(doc.exercises).toHaveLength(EXERCISES);
    expect(doc.exercises.flatMap((e) => e.findings)).toHaveLength(await testDb().finding.count());
    expect(doc.exercises.every((e) => e.participants.length === 1)).toBe(true);

    const audit = await testDb().auditEvent.findMany({
      where: { action: "exercise.export" },
      select: { seq: true, hash: true, after: true },
    });
    expect(audit).toEqual([{ seq: BigInt(doc.auditHead.seq), hash: doc.auditHead.hash, after: { format: "json", table: null } }]);
    expect(response.headers.get("x-bulkhead-audit-head")).toBe(`${doc.auditHead.seq} ${doc.auditHead.hash}`);
  });

  it("exports an empty history as a header row and an empty list", async () => {
    await resetTables("ActionItem", "Finding", "ExerciseParticipant", "Exercise");
    const { text } = await csv("findings");
    expect(text).toBe(`${exportColumns("findings").join(",")}\r\n`);
    const doc = JSON.parse(await (await get("")).text()) as { exercises: unknown[] };
    expect(doc.exercises).toEqual([]);
  });

  it("refuses a CSV export without a table, or an unknown format, with a clear 400", async () => {
    const noTable = await get("?format=csv");
    expect(noTable.status).toBe(400);
    expect(((await noTable.json()) as { error: string }).error).toMatch(/A CSV export is one table/);
    expect((await get("?format=xlsx")).status).toBe(400);
    expect((await get("?format=csv&table=users")).status).toBe(400);
  });

  it("is for auditors, managers and admins: a responder gets a 404 and the refusal is audited; no session is a 401", async () => {
    signedIn.actor = await makeActor("RESPONDER", "responder");
    expect((await get("?format=json")).status).toBe(404);
    expect(await testDb().auditEvent.count({ where: { outcome: "DENIED" } })).toBe(1);
    signedIn.actor = null;
    expect((await get("?format=json")).status).toBe(401);
  });
});
