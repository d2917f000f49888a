// Types of lib/security-headers.js (plain JavaScript so that next.config.js can import it).
export type Header = { key: string; value: string };
export const SECURITY_HEADERS: readonly Header[];
export function strictTransportSecurity(publicUrl: string | undefined): Header | null;
export function securityHeaderObject(publicUrl: string | undefined): Record<string, string>;
