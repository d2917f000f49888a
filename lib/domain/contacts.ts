import type { ContactUsageDto } from "@/lib/dto/contacts";

/** A contact whose details nobody has confirmed for this long is stale: the plan may call the wrong number. */
export const REVIEW_STALE_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Never reviewed counts as stale; otherwise stale once strictly more than REVIEW_STALE_DAYS have passed. */
export function isReviewStale(lastReviewedAt: Date | null, now: Date): boolean {
  if (lastReviewedAt === null) return true;
  return now.getTime() - lastReviewedAt.getTime() > REVIEW_STALE_DAYS * DAY_MS;
}

/** The cut-off a database filter uses: reviewed before this instant (or never) means stale. */
export function reviewStaleCutoff(now: Date): Date {
  return new Date(now.getTime() - REVIEW_STALE_DAYS * DAY_MS);
}

/**
 * What deactivating the contact would leave without an active person, in the plan's words. The
 * readiness score counts these as gaps until a manager names a replacement.
 */
export function dutiesNamed(usage: ContactUsageDto): string[] {
  return [
    ...usage.ownerships.map((o) => `${o.role.toLowerCase()} owner of ${o.scope}`),
    ...usage.planRoles.map((r) => (r.rank === 0 ? r.name : `${r.name} (backup ${r.rank})`)),
    ...usage.escalationTiers.map((t) => `${t.severity} escalation tier ${t.position}`),
  ];
}
