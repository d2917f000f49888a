import { describe, expect, it } from "vitest";
import { sessionIsWithinLifetime } from "@/lib/auth/lifetime";

// BULKHEAD_SESSION_HOURS defaults to 12.
const now = Date.UTC(2026, 11, 2, 12, 0, 0);
const secondsAgo = (s: number) => now / 1000 - s;

describe("the absolute session lifetime", () => {
  it("lasts 12 hours from sign-in, however often the session is used", () => {
    expect(sessionIsWithinLifetime(secondsAgo(0), now)).toBe(true);
    expect(sessionIsWithinLifetime(secondsAgo(12 * 3600 - 1), now)).toBe(true);
    expect(sessionIsWithinLifetime(secondsAgo(12 * 3600), now)).toBe(false);
    expect(sessionIsWithinLifetime(secondsAgo(30 * 24 * 3600), now)).toBe(false);
  });

  it("fails closed on a token without a sign-in time or with one in the future", () => {
    expect(sessionIsWithinLifetime(undefined, now)).toBe(false);
    expect(sessionIsWithinLifetime("1796000000", now)).toBe(false);
    expect(sessionIsWithinLifetime(Number.NaN, now)).toBe(false);
    expect(sessionIsWithinLifetime(secondsAgo(-3600), now)).toBe(false);
  });
});
