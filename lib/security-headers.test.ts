import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- next.config.js is plain JavaScript and allowJs is off; typed below.
import untypedNextConfig from "@/next.config.js";
import { SECURITY_HEADERS, securityHeaderObject, strictTransportSecurity } from "@/lib/security-headers.js";

const nextConfig = untypedNextConfig as NextConfig;

describe("the security headers", () => {
  it("are the ones next.config.js gives every response Next serves", async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toEqual([{ source: "/:path*", headers: [...SECURITY_HEADERS] }]);
  });

  it("are the same for the routes the server answers itself, plus HSTS only over https", () => {
    const plain = Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]));
    expect(securityHeaderObject(undefined)).toEqual(plain);
    expect(securityHeaderObject("http://bulkhead.internal:3000")).toEqual(plain);
    expect(securityHeaderObject("https://bulkhead.example.com")).toEqual({ ...plain, "Strict-Transport-Security": "max-age=63072000" });
  });

  it("turn HSTS on for an https: public URL only", () => {
    expect(strictTransportSecurity("https://bulkhead.example.com/")).toEqual({
      key: "Strict-Transport-Security",
      value: "max-age=63072000",
    });
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });
});
