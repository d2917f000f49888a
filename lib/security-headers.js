// @ts-check
// The security headers of every response, in one place: next.config.js adds them to what Next
// serves, scripts/direct-routes.ts to what the production server answers itself (alert ingest),
// and proxy.ts adds HSTS per request. Plain JavaScript so that next.config.js can import it.

/** @typedef {{ key: string; value: string }} Header */

/** @type {readonly Header[]} */
export const SECURITY_HEADERS = Object.freeze([
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
]);

/**
 * HSTS, only when the portal is served over HTTPS (BULKHEAD_PUBLIC_URL with `https:`): two
 * years, as hstspreload.org asks; without includeSubDomains, since other hosts of the domain are
 * not ours to decide for. Over plain HTTP browsers ignore it, and it would pin a name that is
 * not served over HTTPS.
 * @param {string | undefined} publicUrl
 * @returns {Header | null}
 */
export function strictTransportSecurity(publicUrl) {
  return publicUrl?.startsWith("https:") ? { key: "Strict-Transport-Security", value: "max-age=63072000" } : null;
}

/**
 * Every header, HSTS included when it applies, as an object for Node's `writeHead`.
 * @param {string | undefined} publicUrl
 * @returns {Record<string, string>}
 */
export function securityHeaderObject(publicUrl) {
  const hsts = strictTransportSecurity(publicUrl);
  return Object.fromEntries([...SECURITY_HEADERS, ...(hsts ? [hsts] : [])].map((h) => [h.key, h.value]));
}
