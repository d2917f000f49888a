import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export type RequestOrigin = { ip: string | null; userAgent: string | null; requestId: string | null };

/** Request headers by (lower-case) name: a Fetch `Headers`, or Node's incoming headers behind the same getter. */
export type HeaderSource = { get(name: string): string | null };

const NO_ORIGIN: RequestOrigin = { ip: null, userAgent: null, requestId: null };

/**
 * The client's address. The server (scripts/serve.ts) always appends the socket's peer address to
 * X-Forwarded-For, so the last entry is the direct peer; each trusted proxy in front adds one
 * more. Entries further left are whatever the client claimed and are ignored.
 */
export function clientAddress(h: HeaderSource): string | null {
  const hops = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const address = hops[hops.length - 1 - env().BULKHEAD_TRUSTED_PROXY_HOPS];
  // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; record the plain address.
  return address?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "") ?? null;
}

/**
 * A request id a client or proxy sent is kept only if it looks like one: up to 128 characters of
 * letters, digits and `-._:` (UUIDs, ULIDs, trace ids). Anything else — 7,000 characters,
 * control characters, markup — is replaced by a generated id, because the value is stored in
 * the audit hash chain for good.
 */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function requestIdOf(sent: string | null): string {
  return sent !== null && sent.length <= 128 && REQUEST_ID.test(sent) ? sent : randomUUID();
}

export function originFromHeaders(h: HeaderSource): RequestOrigin {
  return {
    ip: clientAddress(h),
    userAgent: h.get("user-agent")?.slice(0, 400) ?? null,
    requestId: requestIdOf(h.get("x-request-id")),
  };
}

/** Requests that scripts/serve.ts answers without Next's handler carry their origin here. */
const direct = new AsyncLocalStorage<RequestOrigin>();

export function withRequestOrigin<T>(headers: HeaderSource, work: () => Promise<T>): Promise<T> {
  return direct.run(originFromHeaders(headers), work);
}

/** Where the current request came from, for the audit log; empty outside a request (scripts, tests). */
export async function requestOrigin(): Promise<RequestOrigin> {
  const known = direct.getStore();
  if (known) return known;
  try {
    return originFromHeaders(await headers());
  } catch {
    return NO_ORIGIN;
  }
}
