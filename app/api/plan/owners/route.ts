import { lookUpOwners } from "@/lib/dal/ownership";
import { authedRoute } from "@/lib/http/route-handler";
import { OwnerLookupInput } from "@/lib/validation/platform";

export const dynamic = "force-dynamic";

/**
 * `GET /api/plan/owners?cluster=…&namespace=…[&workload=…]` → `{primary, secondary:[…], security,
 * inheritedFrom, …}` (lib/dal/ownership.ts `lookUpOwners`; the rules are in
 * lib/domain/owner-resolution.ts). Any signed-in role may ask; 400 for a bad query, 404 for an
 * unknown cluster, 401 when not signed in.
 */
export const GET = authedRoute({ signIn: "Sign in to resolve owners.", query: OwnerLookupInput }, ({ actor, query }) =>
  lookUpOwners(actor, query),
);
