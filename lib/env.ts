import { z } from "zod";

// The one reader of process.env for the app. Parsed on first use (not at import) so that
// `next build` can collect pages without a database; instrumentation.ts calls it at start so
// that bad configuration stops the server before it takes traffic.
const EnvInput = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is required (npm start sets it for the embedded database)" })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    BULKHEAD_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    BULKHEAD_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    BULKHEAD_EVIDENCE_DIR: z.string().min(1).default(".data/evidence"),
    /** Alerts of one cluster/namespace/workload within this many minutes join the same open incident. */
    BULKHEAD_CORRELATION_WINDOW_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
    /** Minutes without an alert after which a container is shown as probably gone in the dossier. */
    BULKHEAD_CONTAINER_LIFETIME_MINUTES: z.coerce.number().int().min(1).max(10_080).default(15),
    BULKHEAD_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(12),
    BULKHEAD_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    BULKHEAD_SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(25),
    BULKHEAD_SIGNIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    /** Reverse proxies in front of the app that append to X-Forwarded-For (0 when clients connect directly). */
    BULKHEAD_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Refused alert-ingest requests (no, unknown or revoked token) per client address and minute before 429. */
    BULKHEAD_INGEST_REFUSALS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
    /** Live-update streams open at once per sign-in session, and per user, in one instance; 429 beyond. */
    BULKHEAD_LIVE_STREAMS_PER_SESSION: z.coerce.number().int().min(1).max(1000).default(8),
    BULKHEAD_LIVE_STREAMS_PER_USER: z.coerce.number().int().min(1).max(1000).default(16),
  })
  .superRefine((value, ctx) => {
    if (value.NODE_ENV === "production" && !value.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "AUTH_SECRET is required in production (generate one with `openssl rand -base64 33`)",
      });
    }
  });

export type Env = z.output<typeof EnvInput>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvInput.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
