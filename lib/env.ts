import { z } from "zod";

// The one reader of process.env for the app. Parsed on first use (not at import) so that
// `next build` can collect pages without a database; instrumentation.ts calls it at start so
// that bad configuration stops the server before it takes traffic.
const Settings = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (npm start sets it for the embedded database)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  BULKHEAD_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  BULKHEAD_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Where uploaded evidence is stored, content-addressed by sha256 (lib/storage/evidence-store.ts). */
  BULKHEAD_EVIDENCE_DIR: z.string().min(1).default(".data/evidence"),
  /** The largest evidence file one upload may carry; larger ones are answered 413 and nothing is kept. */
  BULKHEAD_EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 50)
    .default(2 * 1024 ** 3),
  /**
   * Alerts received more than this many days ago are deleted (lib/dal/alert-retention.ts), except
   * those of incidents not closed and of closed incidents whose alert record was not sealed after
   * closing. Unset: alerts are kept for ever.
   */
  BULKHEAD_ALERT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  /** Alerts of one cluster/namespace/workload within this many minutes join the same open incident. */
  BULKHEAD_CORRELATION_WINDOW_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  /** Minutes without an alert after which a container is shown as probably gone in the dossier. */
  BULKHEAD_CONTAINER_LIFETIME_MINUTES: z.coerce.number().int().min(1).max(10_080).default(15),
  /** How long a sign-in lasts, counted from the sign-in itself (using the portal does not extend it). */
  BULKHEAD_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(12),
  /** Failed sign-ins per (account, client address) before each further attempt waits (lib/auth/throttle.ts)… */
  BULKHEAD_SIGNIN_FREE_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  /** …and per client address, across all accounts (an office or VPN is many people). */
  BULKHEAD_SIGNIN_FREE_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  /** The first wait; it doubles with every further failure… */
  BULKHEAD_SIGNIN_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** …up to this. */
  BULKHEAD_SIGNIN_MAX_DELAY_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** The address browsers use; `https:` turns on HSTS. */
  BULKHEAD_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "BULKHEAD_PUBLIC_URL must be an http:// or https:// URL" }).optional(),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0 when clients connect directly). */
  BULKHEAD_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Refused alert-ingest requests (no, unknown or revoked token) per client address and minute before 429. */
  BULKHEAD_INGEST_REFUSALS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Live-update streams open at once per sign-in session, and per user, in one instance; 429 beyond. */
  BULKHEAD_LIVE_STREAMS_PER_SESSION: z.coerce.number().int().min(1).max(1000).default(8),
  BULKHEAD_LIVE_STREAMS_PER_USER: z.coerce.number().int().min(1).max(1000).default(16),
  /** Ed25519 private key (PEM or base64 PKCS#8) that signs audit checkpoints; never stored in the database. */
  BULKHEAD_AUDIT_SIGNING_KEY: z
    .string()
    .trim()
    .regex(
      /^(-----BEGIN PRIVATE KEY-----[\s\S]*-----END PRIVATE KEY-----|[A-Za-z0-9+/=\s]+)$/,
      "BULKHEAD_AUDIT_SIGNING_KEY must be a PEM or base64 PKCS#8 Ed25519 private key",
    )
    .optional(),
  /** A checkpoint is signed once this many events are unsigned… */
  BULKHEAD_AUDIT_CHECKPOINT_EVENTS: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  /** …or once the newest unsigned event is this many minutes past the last checkpoint. */
  BULKHEAD_AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
});

const EnvInput = Settings.superRefine((value, ctx) => {
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

type Setting = keyof typeof Settings.shape;

/**
 * One setting, validated on its own: for code that runs where the whole configuration need not be
 * present (module set-up during `next build`, the logger in scripts). Throws like env() when it is wrong.
 */
export function envSetting<K extends Setting>(key: K): Env[K] {
  const parsed = Settings.shape[key].safeParse(process.env[key]);
  if (!parsed.success) throw new Error(`Invalid configuration:\n  ${key}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data as Env[K];
}
