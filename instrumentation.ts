// Runs once when a server instance starts: invalid configuration stops it before it takes traffic
// (Next only logs an error thrown here and would go on serving, so exit explicitly).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  try {
    env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
