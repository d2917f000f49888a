import { describe, expect, it } from "vitest";
import { dutiesNamed, isReviewStale, REVIEW_STALE_DAYS, reviewStaleCutoff } from "@/lib/domain/contacts";

const now = new Date("2025-06-30T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

describe("contact review staleness", () => {
  it("treats a never-reviewed contact as stale", () => {
    expect(isReviewStale(null, now)).toBe(true);
  });

  it("is fresh up to and including exactly 90 days, stale after", () => {
    expect(REVIEW_STALE_DAYS).toBe(90);
    expect(isReviewStale(daysAgo(0), now)).toBe(false);
    expect(isReviewStale(daysAgo(89), now)).toBe(false);
    expect(isReviewStale(daysAgo(90), now)).toBe(false);
    expect(isReviewStale(new Date(daysAgo(90).getTime() - 1), now)).toBe(true);
    expect(isReviewStale(daysAgo(151), now)).toBe(true);
  });

  it("gives the database filter the same boundary", () => {
    const cutoff = reviewStaleCutoff(now);
    expect(cutoff.toISOString()).toBe(daysAgo(90).toISOString());
    expect(isReviewStale(cutoff, now)).toBe(false);
  });
});

describe("duties a contact is named for", () => {
  it("lists ownerships, roles (backups marked) and escalation tiers in the plan's words", () => {
    expect(
      dutiesNamed({
        ownerships: [{ id: "o1", role: "SECONDARY", scope: "prod-eu/data-pipeline", rank: 0 }],
        planRoles: [
          { kind: "INCIDENT_COMMANDER", name: "Incident commander", rank: 0 },
          { kind: "DEVOPS_SECONDARY", name: "DevOps secondary owner", rank: 2 },
        ],
        escalationTiers: [{ severity: "SEV2", position: 3, waitMinutes: 30 }],
      }),
    ).toEqual([
      "secondary owner of prod-eu/data-pipeline",
      "Incident commander",
      "DevOps secondary owner (backup 2)",
      "SEV2 escalation tier 3",
    ]);
    expect(dutiesNamed({ ownerships: [], planRoles: [], escalationTiers: [] })).toEqual([]);
  });
});
