import { createHash, randomBytes } from "node:crypto";

/**
 * Detection-source tokens: random, shown once, stored only as sha256. A plain hash is enough — the
 * token carries 192 random bits, so there is nothing to brute-force that a slow hash would protect.
 */
export function newSourceToken(): string {
  return `bh_${randomBytes(24).toString("base64url")}`;
}

export function sourceTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The first characters, stored so people can tell tokens apart in the UI and the audit log. */
export function sourceTokenPrefix(token: string): string {
  return token.slice(0, 8);
}
