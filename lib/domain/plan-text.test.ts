import { describe, expect, it } from "vitest";
import { PLAN_SECTIONS } from "@/prisma/seed-data/plan";
import {
  applySectionEdits,
  diffPlanSections,
  MAX_SECTION_BODY,
  PLAN_SECTION_DEFINITIONS,
  planInForceAt,
  readPlanSections,
  type PlanSection,
} from "./plan-text";

const sections = (bodies: Partial<Record<string, string>>): PlanSection[] =>
  readPlanSections(Object.entries(bodies).map(([key, body]) => ({ key, title: "ignored", body })));

describe("plan sections", () => {
  it("uses the keys and titles of the seeded revision, in its order", () => {
    expect(PLAN_SECTION_DEFINITIONS.map((d) => [d.key, d.title])).toEqual(PLAN_SECTIONS.map((s) => [s.key, s.title]));
  });

  it("reads stored JSON into the fixed order and titles, tolerating missing and unknown sections", () => {
    const read = readPlanSections([
      { key: "containment", title: "Renamed", body: "who may kill a pod" },
      { key: "bogus", title: "x", body: "dropped" },
      "not a section",
    ]);
    expect(read.map((s) => s.key)).toEqual(["scope", "severity", "communication", "evidence", "containment"]);
    expect(read[4]).toEqual({ key: "containment", title: "Containment authority", body: "who may kill a pod" });
    expect(read[0]!.body).toBe("");
    expect(readPlanSections(null)).toHaveLength(5);
  });

  it("applies edits with CRLF normalised and reports which sections changed", () => {
    const result = applySectionEdits(sections({ scope: "a\nb", evidence: "keep" }), { scope: "a\r\nb\r\nc", evidence: "keep" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sections[0]!.body).toBe("a\nb\nc");
    expect(result.changedKeys).toEqual(["scope"]);
  });

  it("refuses a body over the limit and an unknown key, per field", () => {
    const result = applySectionEdits(sections({}), { severity: "x".repeat(MAX_SECTION_BODY + 1), nope: "y" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.severity![0]).toContain("20,000");
    expect(result.fieldErrors.nope).toBeDefined();
    expect(applySectionEdits(sections({}), { severity: "x".repeat(MAX_SECTION_BODY) }).ok).toBe(true);
  });
});

describe("diffPlanSections", () => {
  it("shows added, removed and unchanged lines per section", () => {
    const base = sections({ containment: "intro\nResponders may cordon a node\nend" });
    const next = sections({ containment: "intro\nResponders may cordon a node\nOnly the commander may delete a pod\nend" });
    const diff = diffPlanSections(base, next);
    const containment = diff.find((d) => d.key === "containment")!;
    expect(containment).toMatchObject({ changed: true, added: 1, removed: 0, title: "Containment authority" });
    expect(containment.entries).toEqual([
      { kind: "unchanged", text: "intro" },
      { kind: "unchanged", text: "Responders may cordon a node" },
      { kind: "added", text: "Only the commander may delete a pod" },
      { kind: "unchanged", text: "end" },
    ]);
    expect(diff.filter((d) => d.changed)).toHaveLength(1);
  });

  it("shows a replaced line as removed then added", () => {
    const [scope] = diffPlanSections(sections({ scope: "SEV1 within 30 min" }), sections({ scope: "SEV1 within 15 min" }));
    expect(scope!.entries).toEqual([
      { kind: "removed", text: "SEV1 within 30 min" },
      { kind: "added", text: "SEV1 within 15 min" },
    ]);
  });

  it("treats a missing final newline as no change of its own", () => {
    const [scope] = diffPlanSections(sections({ scope: "a\nb" }), sections({ scope: "a\nb\nc" }));
    expect(scope!.entries).toEqual([
      { kind: "unchanged", text: "a" },
      { kind: "unchanged", text: "b" },
      { kind: "added", text: "c" },
    ]);
  });

  it("folds long unchanged runs away from the changes", () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const changed = [...lines];
    changed[10] = "line 10 edited";
    const [scope] = diffPlanSections(sections({ scope: lines.join("\n") }), sections({ scope: changed.join("\n") }), 2);
    expect(scope!.entries[0]).toEqual({ kind: "skipped", count: 8 });
    expect(scope!.entries.filter((e) => e.kind === "unchanged")).toHaveLength(4);
    expect(scope!.entries.at(-1)).toEqual({ kind: "skipped", count: 7 });
    const full = diffPlanSections(sections({ scope: lines.join("\n") }), sections({ scope: changed.join("\n") }), Infinity);
    expect(full[0]!.entries.some((e) => e.kind === "skipped")).toBe(false);
  });

  it("against nothing published, every line is added", () => {
    const diff = diffPlanSections(null, sections({ scope: "one\ntwo" }));
    expect(diff[0]).toMatchObject({ changed: true, added: 2, removed: 0 });
    expect(diff[1]).toMatchObject({ changed: false, entries: [] });
  });
});

describe("planInForceAt", () => {
  const r1 = { number: 1, publishedAt: new Date("2025-01-10T09:00:00Z") };
  const r2 = { number: 2, publishedAt: new Date("2025-03-01T12:00:00Z") };
  const draft = { number: null, publishedAt: null };

  it("is the latest revision published at or before the time", () => {
    expect(planInForceAt([r2, draft, r1], new Date("2025-02-01T00:00:00Z"))).toBe(r1);
    expect(planInForceAt([r1, r2], new Date("2025-03-01T12:00:00Z"))).toBe(r2);
    expect(planInForceAt([r1, r2], new Date("2025-06-01T00:00:00Z"))).toBe(r2);
  });

  it("is none before the first publication", () => {
    expect(planInForceAt([r1, r2, draft], new Date("2024-12-31T23:59:59Z"))).toBeNull();
    expect(planInForceAt([], new Date())).toBeNull();
  });
});
