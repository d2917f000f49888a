import { env } from "@/lib/env";

/** Invalid configuration stops a starting server before it takes traffic (Next would only log it and go on serving). */
export function refuseBadConfiguration(): void {
  try {
    env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
