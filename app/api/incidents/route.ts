import { listIncidents } from "@/lib/dal/incidents";
import { authedRoute } from "@/lib/http/route-handler";
import { IncidentListFilter } from "@/lib/validation/incidents";

export const dynamic = "force-dynamic";

/**
 * `GET /api/incidents?status=OPEN&status=TRIAGED&severity=SEV1&cluster=…&namespace=…&owner=<contact id
 * or email>&q=…&from=…&to=…&cursor=…` → `{incidents:[…], nextCursor}`, newest detected first, 25 a
 * page; pass `nextCursor` back as `cursor` for the next page. Any signed-in role; 400 for a bad
 * query, 401 when not signed in.
 */
export const GET = authedRoute({ signIn: "Sign in to list incidents.", query: IncidentListFilter }, async ({ actor, query }) => {
  const { incidents, nextCursor } = await listIncidents(actor, query);
  return {
    incidents: incidents.map((i) => ({
      key: i.key,
      title: i.title,
      type: i.type,
      severity: i.severity,
      status: i.status,
      cluster: i.cluster,
      namespace: i.namespace,
      workload: i.workload,
      alertCount: i.alertCount,
      lastAlertAt: i.lastAlertAt,
      detectedAt: i.detectedAt,
      commander: i.commander,
      owners: {
        primary: i.owners.primary
          ? { name: i.owners.primary.name, email: i.owners.primary.email, inheritedFrom: i.owners.primary.inheritedFrom }
          : null,
        secondary: i.owners.secondary.map((o) => ({ name: o.name, email: o.email, inheritedFrom: o.inheritedFrom })),
      },
    })),
    nextCursor,
  };
});
