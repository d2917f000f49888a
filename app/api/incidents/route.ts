import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { ForbiddenError, ValidationError } from "@/lib/dal/errors";
import { listIncidents } from "@/lib/dal/incidents";
import { IncidentListFilter, searchParamsToObject } from "@/lib/validation/incidents";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * `GET /api/incidents?status=OPEN&status=TRIAGED&severity=SEV1&cluster=…&namespace=…&owner=<contact id
 * or email>&q=…&from=…&to=…&cursor=…` → `{incidents:[…], nextCursor}`, newest detected first, 25 a
 * page; pass `nextCursor` back as `cursor` for the next page. Any signed-in role; 400 for a bad
 * query, 401 when not signed in.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in to list incidents." }, { status: 401, headers: NO_STORE });
  const query = IncidentListFilter.safeParse(searchParamsToObject(new URL(request.url).searchParams));
  if (!query.success) {
    const flat = z.flattenError(query.error);
    const message = flat.formErrors[0] ?? Object.values(flat.fieldErrors).flat()[0] ?? "Bad query.";
    return Response.json({ error: message, fieldErrors: flat.fieldErrors }, { status: 400, headers: NO_STORE });
  }
  try {
    const { incidents, nextCursor } = await listIncidents(actor, query.data);
    return Response.json(
      {
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
      },
      { headers: NO_STORE },
    );
  } catch (error) {
    if (error instanceof ValidationError)
      return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: 400, headers: NO_STORE });
    if (error instanceof ForbiddenError) return Response.json({ error: "Not found." }, { status: 404, headers: NO_STORE });
    throw error;
  }
}
