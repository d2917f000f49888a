import { envSetting } from "@/lib/env";

/**
 * Whether a session signed in at `signedInAt` (seconds since the epoch, as the token records it)
 * is still within its absolute lifetime. A token without a sign-in time (issued before sessions
 * had one) is past it: fail closed.
 */
export function sessionIsWithinLifetime(signedInAt: unknown, nowMs = Date.now()): boolean {
  if (typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return false;
  const lifetimeSeconds = envSetting("BULKHEAD_SESSION_HOURS") * 3600;
  return signedInAt <= nowMs / 1000 + 60 && nowMs / 1000 < signedInAt + lifetimeSeconds;
}
