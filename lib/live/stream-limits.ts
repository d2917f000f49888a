import { createHash } from "node:crypto";

// How many live-update streams one sign-in session and one user may hold open at once. Each open
// stream holds a response, a hub subscription, timers and (for runs) a presence row: one session
// opened 200 and added 86 MB to the process. Counted in this process's memory: the bound protects
// this instance's memory, so it holds per instance (N instances behind a balancer allow up to N
// times as many per user in total — each bounded, which is what matters for the process).

export type StreamLimits = { perSession: number; perUser: number };

export type StreamSlot = { ok: true; release: () => void } | { ok: false; message: string; retryAfterSeconds: number };

/** Auth.js's session cookie (plain, or `__Secure-` over HTTPS; chunked as `.0`, `.1`… when large). */
const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

/**
 * One sign-in session, from its cookie: a hash, never the cookie. The cookie is re-issued when the
 * session is extended, which makes a new key; the per-user bound still holds across those.
 */
export function sessionKeyOf(cookieHeader: string | null, userId: string): string {
  const parts = (cookieHeader ?? "")
    .split(";")
    .map((p) => p.trim())
    .filter((p) => SESSION_COOKIE.test(p.slice(0, Math.max(0, p.indexOf("=")))))
    .sort();
  if (parts.length === 0) return `user:${userId}`;
  return createHash("sha256").update(parts.join(";")).digest("base64url");
}

export class StreamSlots {
  private readonly sessions = new Map<string, number>();
  private readonly users = new Map<string, number>();

  /** Takes a slot for one stream, or says why not; `release` gives it back (idempotent). */
  acquire(session: string, user: string, limits: StreamLimits): StreamSlot {
    const bySession = this.sessions.get(session) ?? 0;
    const byUser = this.users.get(user) ?? 0;
    if (bySession >= limits.perSession) {
      return {
        ok: false,
        retryAfterSeconds: 5,
        message: `This session already has ${bySession} live-update streams open (at most ${limits.perSession}): close other tabs of Bulkhead.`,
      };
    }
    if (byUser >= limits.perUser) {
      return {
        ok: false,
        retryAfterSeconds: 5,
        message: `You already have ${byUser} live-update streams open (at most ${limits.perUser}): close Bulkhead in other tabs or browsers.`,
      };
    }
    this.sessions.set(session, bySession + 1);
    this.users.set(user, byUser + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        decrement(this.sessions, session);
        decrement(this.users, user);
      },
    };
  }

  /** Streams open now (for tests and diagnostics). */
  open(): { sessions: number; users: number; streams: number } {
    let streams = 0;
    for (const n of this.users.values()) streams += n;
    return { sessions: this.sessions.size, users: this.users.size, streams };
  }
}

function decrement(map: Map<string, number>, key: string): void {
  const n = (map.get(key) ?? 0) - 1;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}
