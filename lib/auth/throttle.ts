import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export function throttleKeys(email: string, ip: string | null): string[] {
  return [`email:${email.toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];
}

/**
 * An address may be many people (an office, a VPN egress), so it gets more attempts than one
 * account before it is locked: enough for a team's typos, far too few for guessing.
 */
function maxFailuresFor(key: string): number {
  const { BULKHEAD_SIGNIN_MAX_FAILURES: perAccount, BULKHEAD_SIGNIN_MAX_FAILURES_PER_ADDRESS: perAddress } = env();
  return key.startsWith("ip:") ? perAddress : perAccount;
}

/** The latest lock still in force on any of the keys, if one is. */
export async function lockedUntil(keys: string[]): Promise<Date | null> {
  const rows = await db().signInThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: new Date() } },
    select: { lockedUntil: true },
  });
  const times = rows.map((r) => r.lockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/**
 * Counts a failure against each key in one atomic upsert per key (so instances racing on the same
 * account cannot lose counts). Failures older than the lock period start a new window; reaching
 * the maximum locks the key for the lock period.
 */
export async function recordFailure(keys: string[]): Promise<void> {
  const minutes = env().BULKHEAD_SIGNIN_LOCK_MINUTES;
  for (const key of keys) {
    const max = maxFailuresFor(key);
    // Timestamps are UTC, as Prisma stores them; now() alone would follow the server's time zone.
    await db().$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStartsAt", "lockedUntil", "updatedAt")
      VALUES (${key}, 1, (now() AT TIME ZONE 'UTC'), CASE WHEN 1 >= ${max} THEN (now() AT TIME ZONE 'UTC') + make_interval(mins => ${minutes}) END, (now() AT TIME ZONE 'UTC'))
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."windowStartsAt" < (now() AT TIME ZONE 'UTC') - make_interval(mins => ${minutes})
                          THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "windowStartsAt" = CASE WHEN "SignInThrottle"."windowStartsAt" < (now() AT TIME ZONE 'UTC') - make_interval(mins => ${minutes})
                                THEN (now() AT TIME ZONE 'UTC') ELSE "SignInThrottle"."windowStartsAt" END,
        "lockedUntil" = CASE WHEN "SignInThrottle"."windowStartsAt" >= (now() AT TIME ZONE 'UTC') - make_interval(mins => ${minutes})
                              AND "SignInThrottle"."failures" + 1 >= ${max}
                             THEN (now() AT TIME ZONE 'UTC') + make_interval(mins => ${minutes})
                             ELSE "SignInThrottle"."lockedUntil" END,
        "updatedAt" = (now() AT TIME ZONE 'UTC')`;
  }
}

/** A successful sign-in clears the account's counter (not the address's: one good password should not unlock guessing at others). */
export async function clearAccountFailures(email: string): Promise<void> {
  await db().signInThrottle.deleteMany({ where: { key: `email:${email.toLowerCase()}` } });
}
