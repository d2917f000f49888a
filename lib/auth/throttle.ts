import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Sign-in throttling (docs/decisions/011). Failures are counted per (account, client address) and
 * per client address. After the free attempts each further attempt on the key waits, the wait
 * doubling with every failure up to a cap, so:
 * - guessing one account from one address gets a handful of tries, then ever slower ones;
 * - someone guessing elsewhere never locks the account's owner out: their address is another key;
 * - an address spraying many accounts meets the looser per-address count.
 *
 * An attempt is counted *before* its password is checked, in the same statement that decides
 * whether it may be checked (one upsert under the key's row lock), so parallel attempts cannot
 * all slip past the check: at most the free attempts are checked, whatever arrives at once.
 */
export type ThrottleKeys = { pair: string; address: string | null };

export type Reservation = { allowed: true } | { allowed: false; retryAt: Date };

/** A counter with no failure for this long starts again from zero. */
const FORGET_AFTER_HOURS = 24;

export function throttleKeys(email: string, ip: string | null): ThrottleKeys {
  return { pair: `pair:${email.toLowerCase()}|${ip ?? "unknown"}`, address: ip ? `address:${ip}` : null };
}

// Timestamps are UTC, as Prisma stores them; now() alone would follow the server's time zone.
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/**
 * Counts one attempt against `key` unless the key is waiting out a delay; returns whether it was
 * counted. The failure count after this attempt is `n`; from the `free`-th failure on, the next
 * attempt waits `delay × 2^(n − free)` seconds, at most `maxDelay`.
 */
async function reserve(tx: Prisma.TransactionClient, key: string, free: number): Promise<boolean> {
  const { BULKHEAD_SIGNIN_DELAY_SECONDS: delay, BULKHEAD_SIGNIN_MAX_DELAY_MINUTES: maxMinutes } = env();
  const stale = Prisma.sql`t."updatedAt" < ${NOW} - make_interval(hours => ${FORGET_AFTER_HOURS})`;
  const failures = Prisma.sql`(CASE WHEN ${stale} THEN 1 ELSE t."failures" + 1 END)`;
  const waitUntil = (n: Prisma.Sql) =>
    Prisma.sql`CASE WHEN ${n} >= ${free}
      THEN ${NOW} + make_interval(secs => LEAST(${maxMinutes * 60}::float8, ${delay}::float8 * power(2, LEAST(${n} - ${free}, 30))))
      END`;
  const rows = await tx.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" AS t ("key", "failures", "windowStartsAt", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, ${NOW}, ${waitUntil(Prisma.sql`1`)}, ${NOW})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = ${failures},
      "windowStartsAt" = CASE WHEN ${stale} THEN ${NOW} ELSE t."windowStartsAt" END,
      "lockedUntil" = ${waitUntil(failures)},
      "updatedAt" = ${NOW}
    WHERE t."lockedUntil" IS NULL OR t."lockedUntil" <= ${NOW}
    RETURNING t."failures"`;
  return rows.length === 1;
}

class Refused extends Error {}

/**
 * Counts this attempt against the pair and the address, or neither: one transaction, the pair's
 * row locked first, so racing attempts on one account queue on that row and each sees the count
 * the previous one left. A refused attempt is not counted and its password is not checked.
 */
export async function reserveSignInAttempt(keys: ThrottleKeys): Promise<Reservation> {
  const { BULKHEAD_SIGNIN_FREE_ATTEMPTS: perPair, BULKHEAD_SIGNIN_FREE_ATTEMPTS_PER_ADDRESS: perAddress } = env();
  try {
    await db().$transaction(async (tx) => {
      if (!(await reserve(tx, keys.pair, perPair))) throw new Refused();
      if (keys.address && !(await reserve(tx, keys.address, perAddress))) throw new Refused();
    });
    return { allowed: true };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
  }
  return { allowed: false, retryAt: await retryAt(keys) };
}

/** When the longest wait on the keys ends (for the message; the decision was made above). */
async function retryAt(keys: ThrottleKeys): Promise<Date> {
  const rows = await db().signInThrottle.findMany({
    where: { key: { in: [keys.pair, ...(keys.address ? [keys.address] : [])] } },
    select: { lockedUntil: true },
  });
  const times = rows.flatMap((r) => (r.lockedUntil ? [r.lockedUntil.getTime()] : []));
  return new Date(Math.max(Date.now(), ...times));
}

/**
 * A correct password: the pair starts from zero, and the address gets back the attempt this
 * sign-in used (it was no failure). The address's other failures stay: one good password should
 * not unlock guessing at other accounts.
 */
export async function recordSignInSuccess(keys: ThrottleKeys): Promise<void> {
  const free = env().BULKHEAD_SIGNIN_FREE_ATTEMPTS_PER_ADDRESS;
  await db().$transaction(async (tx) => {
    await tx.signInThrottle.deleteMany({ where: { key: keys.pair } });
    if (!keys.address) return;
    await tx.$executeRaw`
      UPDATE "SignInThrottle"
         SET "failures" = GREATEST("failures" - 1, 0),
             "lockedUntil" = CASE WHEN "failures" - 1 >= ${free} THEN "lockedUntil" END
       WHERE "key" = ${keys.address}`;
  });
}
