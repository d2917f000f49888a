import pino from "pino";

// Structured logs to stdout. Read LOG level directly: the logger must work before (and when)
// configuration validation fails.
export const log = pino({
  level: process.env.BULKHEAD_LOG_LEVEL ?? "info",
  base: { app: "bulkhead" },
  redact: ["password", "*.password", "token", "*.token", "passwordHash", "*.passwordHash"],
});
