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
    /** Ed25519 private key (PEM or base64 PKCS#8) that signs audit checkpoints; never stored in the database. */
    BULKHEAD_AUDIT_SIGNING_KEY: z
      .string()
      .trim()
      .regex(/^(-----BEGIN PRIVATE KEY-----[\s\S]*-----END PRIVATE KEY-----|[A-Za-z0-9+/=\s]+)$/, "BULKHEAD_AUDIT_SIGNING_KEY must be a PEM or base64 PKCS#8 Ed25519 private key")
      .optional(),
    /** A checkpoint is signed once this many events are unsigned… */
    BULKHEAD_AUDIT_CHECKPOINT_EVENTS: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    /** …or once the newest unsigned event is this many minutes past the last checkpoint. */
    BULKHEAD_AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
  })
  .superRefine((value, ctx) => {
    if (value.NODE_ENV === "production" && !value.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "AUTH_SECRET is required in production (generate one with `openssl rand -base64 33`)",
      });
    }
    if (value.NODE_ENV === "production" && !value.BULKHEAD_AUDIT_SIGNING_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["BULKHEAD_AUDIT_SIGNING_KEY"],
        message: "BULKHEAD_AUDIT_SIGNING_KEY is required in production (generate one with `openssl genpkey -algorithm ed25519`)",
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
