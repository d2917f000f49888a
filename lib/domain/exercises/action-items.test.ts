import { describe, expect, it } from "vitest";
import type { ActionItemStatus } from "@/lib/generated/prisma/enums";
import {
  decideActionItemChange,
  isOverdue,
  nextActionItemStatuses,
  requiredFix,
  type FindingConcern,
  type LinkedFix,
} from "@/lib/domain/exercises/action-items";
import { findingStatusOf } from "@/lib/domain/exercises/findings";

const FOUND = new Date("2026-06-01T12:00:00Z");
const BEFORE = new Date("2026-05-01T12:00:00Z");
const AFTER = new Date("2026-07-01T12:00:00Z");

const planFinding: FindingConcern = { category: "PLAN", createdAt: FOUND, planSectionKey: "containment", playbookId: null };
const playbookFinding: FindingConcern = { category: "PLAYBOOK", createdAt: FOUND, planSectionKey: null, playbookId: "pb1" };
const toolingFinding: FindingConcern = { category: "TOOLING", createdAt: FOUND, planSectionKey: null, playbookId: null };

const revision = (status: "DRAFT" | "PUBLISHED", publishedAt: Date | null): LinkedFix => ({
  kind: "planRevision",
  id: "rev",
  status,
  publishedAt,
  number: 2,
});
const pbVersion = (playbookId: string, status: "DRAFT" | "PUBLISHED", publishedAt: Date | null): LinkedFix => ({
  kind: "playbookVersion",
  id: "ver",
  playbookId,
  status,
  publishedAt,
  number: 3,
});

describe("action-item changes", () => {
  const cases: [string, ActionItemStatus, ActionItemStatus, FindingConcern, LinkedFix | null, string | null, boolean][] = [
    ["start", "OPEN", "IN_PROGRESS", toolingFinding, null, null, true],
    ["done without a fix, not about plan or playbook", "IN_PROGRESS", "DONE", toolingFinding, null, null, true],
    ["won't fix with a reason", "OPEN", "WONT_FIX", toolingFinding, null, "Replaced by the new runtime", true],
    ["won't fix without a reason", "OPEN", "WONT_FIX", toolingFinding, null, "", false],
    ["reopen a done item", "DONE", "OPEN", toolingFinding, null, null, true],
    ["done to won't fix without reopening", "DONE", "WONT_FIX", toolingFinding, null, "x", false],
    ["same status", "OPEN", "OPEN", toolingFinding, null, null, false],
    ["plan finding, no fix linked", "OPEN", "DONE", planFinding, null, null, false],
    ["plan finding, revision published after", "OPEN", "DONE", planFinding, revision("PUBLISHED", AFTER), null, true],
    ["plan finding, revision published before", "OPEN", "DONE", planFinding, revision("PUBLISHED", BEFORE), null, false],
    ["plan finding, draft revision", "OPEN", "DONE", planFinding, revision("DRAFT", null), null, false],
    ["plan finding, a playbook version", "OPEN", "DONE", planFinding, pbVersion("pb1", "PUBLISHED", AFTER), null, false],
    ["playbook finding, newer version of it", "IN_PROGRESS", "DONE", playbookFinding, pbVersion("pb1", "PUBLISHED", AFTER), null, true],
    [
      "playbook finding, version of another playbook",
      "IN_PROGRESS",
      "DONE",
      playbookFinding,
      pbVersion("pb2", "PUBLISHED", AFTER),
      null,
      false,
    ],
    [
      "playbook finding, version published before",
      "IN_PROGRESS",
      "DONE",
      playbookFinding,
      pbVersion("pb1", "PUBLISHED", BEFORE),
      null,
      false,
    ],
    ["playbook finding, draft version", "IN_PROGRESS", "DONE", playbookFinding, pbVersion("pb1", "DRAFT", null), null, false],
    [
      "playbook finding, published at the finding's own instant",
      "OPEN",
      "DONE",
      playbookFinding,
      pbVersion("pb1", "PUBLISHED", FOUND),
      null,
      false,
    ],
    ["tooling finding, an optional newer revision", "OPEN", "DONE", toolingFinding, revision("PUBLISHED", AFTER), null, true],
    ["tooling finding, an optional older revision", "OPEN", "DONE", toolingFinding, revision("PUBLISHED", BEFORE), null, false],
  ];
  it.each(cases)("%s: allowed %s", (_name, from, to, concern, fix, wontFixReason, allowed) => {
    expect(decideActionItemChange(from, { to, fix, wontFixReason }, concern).ok).toBe(allowed);
  });

  it("records the fixing version and clears it on reopening", () => {
    expect(decideActionItemChange("OPEN", { to: "DONE", fix: pbVersion("pb1", "PUBLISHED", AFTER) }, playbookFinding)).toEqual({
      ok: true,
      status: "DONE",
      closed: true,
      wontFixReason: null,
      closedByPlanRevisionId: null,
      closedByPlaybookVersionId: "ver",
    });
    expect(decideActionItemChange("DONE", { to: "OPEN" }, playbookFinding)).toMatchObject({
      ok: true,
      closed: false,
      closedByPlaybookVersionId: null,
    });
  });

  it("knows which record closes which finding", () => {
    expect(requiredFix(planFinding)).toBe("planRevision");
    expect(requiredFix({ ...toolingFinding, planSectionKey: "evidence" })).toBe("planRevision");
    expect(requiredFix(playbookFinding)).toBe("playbookVersion");
    expect(requiredFix({ ...toolingFinding, playbookId: "pb1" })).toBe("playbookVersion");
    expect(requiredFix(toolingFinding)).toBeNull();
  });
});

describe("overdue", () => {
  const now = new Date("2026-12-03T10:00:00Z");
  const cases: [string, ActionItemStatus, Date | null, boolean][] = [
    ["open, due yesterday", "OPEN", new Date("2026-12-02T10:00:00Z"), true],
    ["in progress, due a minute ago", "IN_PROGRESS", new Date("2026-12-03T09:59:00Z"), true],
    ["open, due tomorrow", "OPEN", new Date("2026-12-04T10:00:00Z"), false],
    ["open, due right now", "OPEN", now, false],
    ["open, no due date", "OPEN", null, false],
    ["done, due last month", "DONE", new Date("2026-11-01T10:00:00Z"), false],
    ["won't fix, due last month", "WONT_FIX", new Date("2026-11-01T10:00:00Z"), false],
  ];
  it.each(cases)("%s: %s", (_name, status, dueAt, overdue) => {
    expect(isOverdue({ status, dueAt }, now)).toBe(overdue);
  });
});

describe("finding status from its action items", () => {
  const cases: [ActionItemStatus[], string][] = [
    [[], "OPEN"],
    [["OPEN"], "OPEN"],
    [["DONE", "IN_PROGRESS"], "OPEN"],
    [["DONE"], "RESOLVED"],
    [["DONE", "WONT_FIX"], "RESOLVED"],
    [["WONT_FIX"], "ACCEPTED"],
  ];
  it.each(cases)("%j → %s", (items, status) => {
    expect(findingStatusOf(items.map((s) => ({ status: s })))).toBe(status);
  });
});

describe("the statuses a form offers", () => {
  const all: ActionItemStatus[] = ["OPEN", "IN_PROGRESS", "DONE", "WONT_FIX"];
  it("offers exactly the moves the rule accepts", () => {
    for (const from of all) {
      for (const to of all) {
        const accepted = decideActionItemChange(from, { to, wontFixReason: "Reason given" }, toolingFinding).ok;
        expect(nextActionItemStatuses(from).includes(to), `${from} → ${to}`).toBe(accepted);
      }
    }
  });
});
