import { describe, expect, it } from "vitest";
import { MAX_WAIT_MINUTES, validateTiers, type TierContact } from "@/lib/domain/escalation";
import { planRoleMemberProblems } from "@/lib/domain/plan-roles";

const contacts = new Map<string, TierContact>([
  ["c-helen", { id: "c-helen", name: "Helen Okafor", active: true }],
  ["c-kenji", { id: "c-kenji", name: "Kenji Watanabe", active: false }],
]);

describe("escalation tiers", () => {
  it("numbers valid tiers 1..n in the order given", () => {
    const result = validateTiers(
      [
        { waitMinutes: 0, roles: ["INCIDENT_COMMANDER", "SECURITY_LEAD"], contactIds: [] },
        { waitMinutes: 15, roles: [], contactIds: ["c-helen"] },
      ],
      contacts,
    );
    expect(result).toEqual({
      ok: true,
      tiers: [
        { position: 1, waitMinutes: 0, roles: ["INCIDENT_COMMANDER", "SECURITY_LEAD"], contactIds: [] },
        { position: 2, waitMinutes: 15, roles: [], contactIds: ["c-helen"] },
      ],
    });
  });

  it("refuses a policy without tiers", () => {
    expect(validateTiers([], contacts)).toEqual({ ok: false, problems: [expect.stringMatching(/at least one tier/)] });
  });

  it("names the tier at fault for each broken rule", () => {
    const result = validateTiers(
      [
        { waitMinutes: 0, roles: [], contactIds: [] },
        { waitMinutes: -5, roles: ["LEGAL"], contactIds: [] },
        { waitMinutes: 10, roles: ["JANITOR", "LEGAL", "LEGAL"], contactIds: ["nope", "c-kenji", "c-helen", "c-helen"] },
        { waitMinutes: MAX_WAIT_MINUTES + 1, roles: ["EXECUTIVE"], contactIds: [] },
        { waitMinutes: 1.5, roles: ["EXECUTIVE"], contactIds: [] },
      ],
      contacts,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      "Tier 1 engages nobody: add a role or a contact.",
      "Tier 2: the wait cannot be negative.",
      'Tier 3: unknown role "JANITOR".',
      "Tier 3 names Legal counsel twice.",
      "Tier 3: unknown contact; reload and choose again.",
      "Tier 3: Kenji Watanabe is inactive and would never answer a page.",
      "Tier 3 names Helen Okafor twice.",
      `Tier 4: the wait cannot be longer than a week (${MAX_WAIT_MINUTES} minutes).`,
      "Tier 5: the wait must be whole minutes.",
    ]);
  });
});

describe("plan role members", () => {
  it("accepts an ordered list of distinct active contacts, and an empty one", () => {
    expect(planRoleMemberProblems(["c-helen"], contacts)).toEqual([]);
    expect(planRoleMemberProblems([], contacts)).toEqual([]);
  });

  it("refuses unknown, inactive and repeated contacts", () => {
    expect(planRoleMemberProblems(["x", "c-kenji", "c-helen", "c-helen"], contacts)).toEqual([
      "One of the chosen contacts does not exist any more; reload and choose again.",
      "Kenji Watanabe is inactive and cannot fill a role.",
      "Helen Okafor is listed twice.",
    ]);
  });
});
