import { NextResponse, type NextRequest } from "next/server";
import { envSetting } from "@/lib/env";
import { strictTransportSecurity } from "@/lib/security-headers.js";
import { isRefusedAuditBefore } from "@/lib/validation/audit";

const PUBLIC_PATHS = ["/login", "/api/auth", "/api/health"];

function contentSecurityPolicy(nonce: string): string {
  // NODE_ENV is fixed by Next at build time (inlined), not run-time configuration: not lib/env's business.
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS when BULKHEAD_PUBLIC_URL is https: read at run time (next.config.js headers are fixed at build). */
let hsts: ReturnType<typeof strictTransportSecurity> | undefined;
const hstsHeader = () => (hsts === undefined ? (hsts = strictTransportSecurity(envSetting("BULKHEAD_PUBLIC_URL"))) : hsts);

/**
 * Three jobs, none of them authorization (the DAL does that on every call): a per-request CSP
 * nonce that Next applies to its own scripts, HSTS when served over HTTPS, and an early redirect
 * to sign-in for requests that carry no session cookie at all.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (!isPublic && !hasSession && !pathname.startsWith("/api/")) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    const redirect = NextResponse.redirect(login);
    const sts = hstsHeader();
    if (sts) redirect.headers.set(sts.key, sts.value);
    return redirect;
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  // A page streams its status before it renders, so a refused query parameter that the page reports
  // gets its 400 here; the page reads the same rule and shows the message.
  const refused = pathname === "/audit" && isRefusedAuditBefore(request.nextUrl.searchParams.get("before"));
  const response = refused
    ? NextResponse.rewrite(request.nextUrl, { status: 400, request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  const sts = hstsHeader();
  if (sts) response.headers.set(sts.key, sts.value);
  return response;
}

export const config = {
  // Alert ingest is a machine endpoint under load: no page, so no nonce, and its token is checked in
  // the DAL; skipping the proxy there saves its per-request work on every alert batch. Evidence
  // uploads skip it too: where a proxy runs, Next buffers the request body for it (and cuts it at
  // proxyClientMaxBodySize), while an upload of gigabytes must stream straight to the route.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon\\.ico|favicon\\.svg|api/ingest/|api/incidents/[^/]+/evidence$).*)" }],
};
