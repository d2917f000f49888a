// Runs once when a server instance starts: invalid configuration stops it before it takes traffic.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    env();
  }
}
