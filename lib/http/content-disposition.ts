/**
 * `attachment` with a file name that cannot break the header or name a path: the ASCII fallback
 * keeps only `[A-Za-z0-9._-]` (everything else becomes `_`, no leading dot), and `filename*`
 * (RFC 6266 / RFC 8187) carries the UTF-8 name percent-encoded, with path separators and control
 * characters replaced. Browsers save it under that name, never open it inline.
 */
export function contentDisposition(name: string): string {
  const cleaned = name.replace(/[\p{Cc}\p{Cf}/\\]/gu, "_").slice(0, 200);
  const ascii = cleaned.replace(/[^\w.-]/g, "_").replace(/^\.+/, "_") || "evidence";
  const encoded = encodeURIComponent(cleaned).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
