import { databaseIsUp } from "@/lib/dal/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability for load balancers and monitoring (DESIGN.md contract). */
export async function GET() {
  const up = await databaseIsUp();
  return Response.json(up ? { status: "ok", db: "ok" } : { status: "degraded", db: "unreachable" }, {
    status: up ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
