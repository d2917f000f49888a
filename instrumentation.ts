// Runs once when a server instance starts. The check is Node-only (it may end the process), so it
// is imported only on the Node runtime, where Next leaves it out of the Edge build.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("@/lib/config-check")).refuseBadConfiguration();
}
