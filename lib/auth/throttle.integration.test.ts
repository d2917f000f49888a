import { beforeEach, describe, expect, it } from "vitest";
import { clearAccountFailures, lockedUntil, recordFailure, throttleKeys } from "@/lib/auth/throttle";
import { resetTables, testDb } from "@/tests/support/db";

// Defaults: 5 failures lock an account, 25 an address, for 15 minutes.
beforeEach(async () => {
  await resetTables("SignInThrottle");
});

describe("sign-in throttling", () => {
  it("keys failures by account (case-insensitively) and by address", () => {
    expect(throttleKeys("Dana@Example.com", "10.0.0.9")).toEqual(["email:dana@example.com", "ip:10.0.0.9"]);
    expect(throttleKeys("dana@example.com", null)).toEqual(["email:dana@example.com"]);
  });

  it("locks after the fifth failure, not before", async () => {
    const keys = throttleKeys("dana@example.com", "10.0.0.9");
    for (let i = 0; i < 4; i++) await recordFailure(keys);
    expect(await lockedUntil(keys)).toBeNull();
    await recordFailure(keys);
    const until = await lockedUntil(keys);
    expect(until!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it("counts failures from racing requests without losing any", async () => {
    const keys = throttleKeys("race@example.com", null);
    await Promise.all(Array.from({ length: 5 }, () => recordFailure(keys)));
    expect(await lockedUntil(keys)).not.toBeNull();
    expect((await testDb().signInThrottle.findUniqueOrThrow({ where: { key: keys[0]! } })).failures).toBe(5);
  });

  it("locks an address guessing across many accounts, after more attempts than one account gets", async () => {
    for (let i = 0; i < 24; i++) await recordFailure(throttleKeys(`user${i}@example.com`, "10.0.0.66"));
    expect(await lockedUntil(throttleKeys("someone-else@example.com", "10.0.0.66"))).toBeNull();
    await recordFailure(throttleKeys("user24@example.com", "10.0.0.66"));
    expect(await lockedUntil(throttleKeys("someone-else@example.com", "10.0.0.66"))).not.toBeNull();
    expect(await lockedUntil(throttleKeys("someone-else@example.com", "10.0.0.67"))).toBeNull();
  });

  it("starts a new window once the old one has passed", async () => {
    const keys = throttleKeys("old@example.com", null);
    for (let i = 0; i < 4; i++) await recordFailure(keys);
    await testDb().signInThrottle.update({ where: { key: keys[0]! }, data: { windowStartsAt: new Date(Date.now() - 16 * 60_000) } });
    await recordFailure(keys);
    expect(await lockedUntil(keys)).toBeNull();
    expect((await testDb().signInThrottle.findUniqueOrThrow({ where: { key: keys[0]! } })).failures).toBe(1);
  });

  it("clears the account's count on success but keeps the address's", async () => {
    const keys = throttleKeys("ok@example.com", "10.0.0.5");
    for (let i = 0; i < 3; i++) await recordFailure(keys);
    await clearAccountFailures("OK@example.com");
    expect(await testDb().signInThrottle.findUnique({ where: { key: keys[0]! } })).toBeNull();
    expect(await testDb().signInThrottle.findUnique({ where: { key: keys[1]! } })).not.toBeNull();
  });
});
