import { describe, expect, it } from "vitest";
import { sessionKeyOf, StreamSlots } from "./stream-limits";

describe("StreamSlots", () => {
  const limits = { perSession: 2, perUser: 3 };

  it("refuses past the session's and then the user's bound, and frees a slot on release (once)", () => {
    const slots = new StreamSlots();
    const a = slots.acquire("s1", "u1", limits);
    const b = slots.acquire("s1", "u1", limits);
    expect(a.ok && b.ok).toBe(true);
    const c = slots.acquire("s1", "u1", limits);
    expect(c).toMatchObject({ ok: false, message: expect.stringMatching(/session already has 2 .* \(at most 2\)/) });
    expect(slots.acquire("s2", "u1", limits).ok).toBe(true);
    expect(slots.acquire("s3", "u1", limits)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/You already have 3 .* \(at most 3\)/),
    });
    // Another user is not affected.
    expect(slots.acquire("s9", "u2", limits).ok).toBe(true);
    if (a.ok) {
      a.release();
      a.release();
    }
    expect(slots.open()).toEqual({ sessions: 3, users: 2, streams: 3 });
    expect(slots.acquire("s1", "u1", limits).ok).toBe(true);
    expect(slots.acquire("s1", "u1", limits).ok).toBe(false);
  });
});

describe("sessionKeyOf", () => {
  it("hashes the session cookie (plain, secure or chunked) and ignores other cookies", () => {
    const key = sessionKeyOf("theme=dark; authjs.session-token=abc.def; other=1", "u1");
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(key).not.toContain("abc");
    expect(sessionKeyOf("authjs.session-token=abc.def", "u1")).toBe(key);
    expect(sessionKeyOf("authjs.session-token=xyz", "u1")).not.toBe(key);
    expect(sessionKeyOf("__Secure-authjs.session-token.1=b; __Secure-authjs.session-token.0=a", "u1")).toBe(
      sessionKeyOf("__Secure-authjs.session-token.0=a; __Secure-authjs.session-token.1=b", "u1"),
    );
    expect(sessionKeyOf(null, "u1")).toBe("user:u1");
    expect(sessionKeyOf("authjs.csrf-token=1", "u1")).toBe("user:u1");
  });
});
