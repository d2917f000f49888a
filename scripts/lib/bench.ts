// What the benchmarks share: percentiles, the machine line, signing in, timed requests over HTTP
// and a server's memory.
import { readFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** The resident set of a process and all its descendants (the start script, the server), in bytes. */
export async function treeRss(pid: number): Promise<number> {
  let total = 0;
  const pending = [pid];
  while (pending.length) {
    const p = pending.pop()!;
    try {
      const status = await readFile(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const children = await readFile(`/proc/${p}/task/${p}/children`, "utf8");
      pending.push(...children.split(" ").filter(Boolean).map(Number));
    } catch {
      // gone, or no /proc: counts as nothing
    }
  }
  return total;
}

export function latencySummary(latencies: number[]): string {
  const s = [...latencies].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms, p99 ${percentile(s, 99).toFixed(1)} ms`;
}

export function machineLine(postgresVersion: string): string {
  const cpu = os.cpus();
  return `machine: ${cpu[0]?.model ?? "unknown CPU"} × ${cpu.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, PostgreSQL ${postgresVersion}`;
}

/** Signs in over Auth.js's endpoints (CSRF token, then the credentials callback); returns the cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.endsWith("authjs.session-token"))) {
    throw new Error(`sign-in of ${email} failed (${response.status} ${response.headers.get("location") ?? ""})`);
  }
  return cookie();
}

/** `--name=N` from the command line (underscores allowed: 1_000_000), or the fallback; positive only. */
export function numberArg(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const value = raw === undefined ? fallback : Number(raw.replaceAll("_", ""));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return Math.round(value);
}

export type TimedGet = { status: number; bytes: number; ms: number };

/**
 * One GET without Accept-Encoding, so the bytes are what the server renders (before gzip); the
 * body is counted (and handed to `onData`) as it arrives, never held.
 */
export function timedGet(agent: http.Agent, url: string, cookie: string, onData?: (chunk: Buffer) => void): Promise<TimedGet> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { Cookie: cookie } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        onData?.(chunk);
      });
      response.once("end", () => resolve({ status: response.statusCode ?? 0, bytes, ms: performance.now() - started }));
      response.once("error", reject);
    });
    request.once("error", reject);
  });
}

export type MeasuredPage = { name: string; p50: number; p95: number; bytes: number; status: number };

/** `samples` sequential GETs of one page after 3 warm-ups: p50, p95, and the last answer's size and status. */
export async function measurePage(agent: http.Agent, url: string, cookie: string, name: string, samples: number): Promise<MeasuredPage> {
  for (let i = 0; i < 3; i++) await timedGet(agent, url, cookie);
  const times: number[] = [];
  let last = { status: 0, bytes: 0 };
  for (let i = 0; i < samples; i++) {
    const r = await timedGet(agent, url, cookie);
    times.push(r.ms);
    last = r;
  }
  times.sort((a, b) => a - b);
  return { name, p50: percentile(times, 50), p95: percentile(times, 95), bytes: last.bytes, status: last.status };
}

export type TextAnswer = { status: number; text: string };

/** One request on `agent` (node:http, not fetch: bench-ingest.ts says why), its whole answer as text. */
export function httpText(
  agent: http.Agent,
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
): Promise<TextAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: init.method,
      agent,
      headers: { ...init.headers, ...(init.body ? { "Content-Length": String(Buffer.byteLength(init.body)) } : {}) },
    });
    req.once("error", reject);
    req.once("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      response.once("error", reject);
    });
    req.end(init.body);
  });
}

/** A JSON body POSTed with a detection source's bearer token, as Falco senders post to /api/ingest/falco. */
export function postJson(agent: http.Agent, url: string, token: string, body: string): Promise<TextAnswer> {
  return httpText(agent, url, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body });
}
