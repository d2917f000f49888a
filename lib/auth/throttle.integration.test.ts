import { beforeEach, describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { recordSignInSuccess, reserveSignInAttempt, throttleKeys } from "@/lib/auth/throttle";
import { resetTables, testDb } from "@/tests/support/db";

// Defaults: 5 free attempts per (account, address) and 50 per address, then waits of 30 s doubling
// up to 15 minutes.
const PASSWORD = "the right password, at last";

/** The headers a request from `ip` carries once scripts/serve.ts has appended the peer address. */
const from = (ip: string) => new Headers({ "x-forwarded-for": ip, "user-agent": "vitest" });

async function row(key: string) {
  return testDb().signInThrottle.findUnique({ where: { key } });
}

beforeEach(async () => {
  await resetTables("SignInThrottle", "AuditEvent", "User");
});

describe("sign-in throttling", () => {
  it("keys attempts by account (case-insensitively) and address, and by address", () => {
    expect(throttleKeys("Dana@Example.com", "10.0.0.9")).toEqual({ pair: "pair:dana@example.com|10.0.0.9", address: "address:10.0.0.9" });
    expect(throttleKeys("dana@example.com", null)).toEqual({ pair: "pair:dana@example.com|unknown", address: null });
  });

  it("checks at most the free attempts of 20 sent at once, and the right password from elsewhere still works", async () => {
    await testDb().user.create({
      data: { email: "dana@example.com", name: "Dana", role: "ADMIN", passwordHash: await hashPassword(PASSWORD) },
    });

    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        checkCredentials({ email: "dana@example.com", password: `guess number ${i}` }, from("203.0.113.7")),
      ),
    );
    expect(outcomes.filter((o) => !o.ok && !o.throttled)).toHaveLength(5);
    expect(outcomes.filter((o) => !o.ok && o.throttled)).toHaveLength(15);
    // Five passwords were checked (FAILURE) and fifteen were refused unchecked (DENIED); all audited.
    const audit = await testDb().auditEvent.groupBy({ by: ["outcome"], where: { action: "auth.sign_in" }, _count: true });
    expect(Object.fromEntries(audit.map((a) => [a.outcome, a._count]))).toEqual({ FAILURE: 5, DENIED: 15 });
    expect((await row("pair:dana@example.com|203.0.113.7"))?.failures).toBe(5);

    // The owner at their own address is not locked out, even with the right password sent now.
    const owner = await checkCredentials({ email: "dana@example.com", password: PASSWORD }, from("198.51.100.20"));
    expect(owner).toMatchObject({ ok: true, user: { email: "dana@example.com" } });
    // And the attacker's address stays throttled for that account, right password or not.
    expect(await checkCredentials({ email: "dana@example.com", password: PASSWORD }, from("203.0.113.7"))).toEqual({
      ok: false,
      throttled: true,
    });
  });

  it("makes each failure past the free ones wait twice as long, up to the cap", async () => {
    const keys = throttleKeys("slow@example.com", "10.0.0.9");
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      expect((await reserveSignInAttempt(keys)).allowed, `attempt ${i + 1}`).toBe(true);
      const r = await row(keys.pair);
      waits.push(r!.lockedUntil ? Math.round((r!.lockedUntil.getTime() - r!.updatedAt.getTime()) / 1000) : 0);
      // Let the wait pass without waiting: move the lock into the past, on the database's clock,
      // which is the one the throttle compares with (this process's clock may differ from it).
      await testDb()
        .$executeRaw`UPDATE "SignInThrottle" SET "lockedUntil" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE "key" = ${keys.pair}`;
    }
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it("refuses while the wait lasts, without counting the refused attempt", async () => {
    const keys = throttleKeys("wait@example.com", "10.0.0.9");
    for (let i = 0; i < 5; i++) await reserveSignInAttempt(keys);
    const refused = await reserveSignInAttempt(keys);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAt.getTime()).toBeGreaterThan(Date.now() + 25_000);
    expect((await row(keys.pair))?.failures).toBe(5);
    expect((await row(keys.address!))?.failures).toBe(5);
  });

  it("slows an address spraying many accounts, after more attempts than one account gets", async () => {
    for (let i = 0; i < 50; i++) expect((await reserveSignInAttempt(throttleKeys(`user${i}@example.com`, "10.0.0.66"))).allowed).toBe(true);
    expect((await reserveSignInAttempt(throttleKeys("someone-else@example.com", "10.0.0.66"))).allowed).toBe(false);
    expect((await reserveSignInAttempt(throttleKeys("someone-else@example.com", "10.0.0.67"))).allowed).toBe(true);
    // The refused attempt counted nothing against its account either (the transaction rolled back).
    expect(await row("pair:someone-else@example.com|10.0.0.66")).toBeNull();
  });

  it("forgets a counter a day after its last failure", async () => {
    const keys = throttleKeys("old@example.com", null);
    for (let i = 0; i < 5; i++) await reserveSignInAttempt(keys);
    await testDb()
      .$executeRaw`UPDATE "SignInThrottle" SET "updatedAt" = "updatedAt" - interval '25 hours', "lockedUntil" = NULL WHERE "key" = ${keys.pair}`;
    expect((await reserveSignInAttempt(keys)).allowed).toBe(true);
    expect((await row(keys.pair))?.failures).toBe(1);
  });

  it("a success clears the pair and gives the address back the attempt it used", async () => {
    const keys = throttleKeys("ok@example.com", "10.0.0.5");
    for (let i = 0; i < 3; i++) await reserveSignInAttempt(keys);
    await recordSignInSuccess(keys);
    expect(await row(keys.pair)).toBeNull();
    expect((await row(keys.address!))?.failures).toBe(2);
  });
});
