import pino from "pino";
import { envSetting } from "@/lib/env";

/** The level alone: the logger must work before (and when) the rest of the configuration fails validation. */
function level(): string {
  try {
    return envSetting("BULKHEAD_LOG_LEVEL");
  } catch {
    return "info";
  }
}

// Structured logs to stdout.
export const log = pino({
  level: level(),
  base: { app: "bulkhead" },
  redact: ["password", "*.password", "token", "*.token", "passwordHash", "*.passwordHash"],
});
