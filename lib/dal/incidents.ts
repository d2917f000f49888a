import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { techniqueById, TACTICS } from "@/lib/domain/attack";
import { incidentKey } from "@/lib/domain/incident-status";
import type { Actor } from "@/lib/domain/roles";
import type { IncidentDetailDto, IncidentOwnerDto, IncidentOwnersDto, IncidentSummaryDto } from "@/lib/dto/incidents";
import { IncidentKeyInput, type IncidentListFilterInput } from "@/lib/validation/incidents";

export const INCIDENT_PAGE_SIZE = 25;

const ownerSelect = {
  role: true,
  inheritedFrom: true,
  contact: { select: { id: true, name: true, email: true, phone: true, team: true, active: true } },
} satisfies Prisma.IncidentOwnerSelect;

const incidentListSelect = {
  id: true,
  number: true,
  title: true,
  type: true,
  severity: true,
  status: true,
  cluster: true,
  namespace: true,
  workload: true,
  alertCount: true,
  lastAlertAt: true,
  detectedAt: true,
  commander: { select: { name: true } },
  owners: { select: ownerSelect, orderBy: [{ role: "asc" }, { rank: "asc" }] },
} satisfies Prisma.IncidentSelect;

type OwnerRow = Prisma.IncidentOwnerGetPayload<{ select: typeof ownerSelect }>;

function toOwners(rows: OwnerRow[]): IncidentOwnersDto {
  const dto = (o: OwnerRow): IncidentOwnerDto => ({
    contactId: o.contact.id,
    name: o.contact.name,
    email: o.contact.email,
    phone: o.contact.phone,
    team: o.contact.team,
    active: o.contact.active,
    inheritedFrom: o.inheritedFrom,
  });
  return {
    primary: rows.filter((o) => o.role === "PRIMARY").map(dto)[0] ?? null,
    secondary: rows.filter((o) => o.role === "SECONDARY").map(dto),
    security: rows.filter((o) => o.role === "SECURITY").map(dto),
  };
}

function toSummary(row: Prisma.IncidentGetPayload<{ select: typeof incidentListSelect }>): IncidentSummaryDto {
  return {
    key: incidentKey(row.number),
    title: row.title,
    type: row.type,
    severity: row.severity,
    status: row.status,
    cluster: row.cluster,
    namespace: row.namespace,
    workload: row.workload,
    alertCount: row.alertCount,
    lastAlertAt: row.lastAlertAt,
    detectedAt: row.detectedAt,
    owners: toOwners(row.owners),
    commander: row.commander?.name ?? null,
  };
}

// Keyset pagination over (detectedAt desc, id desc): page N costs the same as page 1 however long
// the history is, and needs no total count (a count over the filtered history is what gets slow).
function encodeCursor(row: { detectedAt: Date; id: string }): string {
  return Buffer.from(`${row.detectedAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { detectedAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const detectedAt = new Date(iso ?? "");
  if (!id || Number.isNaN(detectedAt.getTime()))
    throw new ValidationError("That page link is no longer valid; start from the first page.", { cursor: ["Invalid cursor"] });
  return { detectedAt, id };
}

export async function listIncidents(
  actor: Actor,
  filter: Partial<IncidentListFilterInput> = {},
): Promise<{ incidents: IncidentSummaryDto[]; nextCursor: string | null }> {
  await authorize(actor, "incidents.read", { type: "Incident" });
  const and: Prisma.IncidentWhereInput[] = [];
  if (filter.status?.length) and.push({ status: { in: filter.status } });
  if (filter.severity?.length) and.push({ severity: { in: filter.severity } });
  if (filter.cluster) and.push({ cluster: filter.cluster });
  if (filter.namespace) and.push({ namespace: filter.namespace });
  if (filter.owner) {
    // The contact first (a handful of rows), then its incidents through IncidentOwner(contactId):
    // joining the email match into the incident query made PostgreSQL test every incident's owners.
    const owner = filter.owner;
    const contacts = await db().contact.findMany({
      where: { OR: [{ id: owner }, { email: { equals: owner, mode: "insensitive" } }] },
      select: { id: true },
      take: 10,
    });
    and.push({ owners: { some: { contactId: { in: contacts.map((c) => c.id) } } } });
  }
  if (filter.q) and.push({ title: { contains: filter.q, mode: "insensitive" } });
  if (filter.from) and.push({ detectedAt: { gte: filter.from } });
  if (filter.to) and.push({ detectedAt: { lt: filter.to } });
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor);
    and.push({ OR: [{ detectedAt: { lt: after.detectedAt } }, { detectedAt: after.detectedAt, id: { lt: after.id } }] });
  }
  const rows = await db().incident.findMany({
    where: { AND: and },
    orderBy: [{ detectedAt: "desc" }, { id: "desc" }],
    take: INCIDENT_PAGE_SIZE + 1,
    select: incidentListSelect,
  });
  const page = rows.slice(0, INCIDENT_PAGE_SIZE);
  const last = page.at(-1);
  return { incidents: page.map(toSummary), nextCursor: rows.length > INCIDENT_PAGE_SIZE && last ? encodeCursor(last) : null };
}

const incidentDetailSelect = {
  ...incidentListSelect,
  summary: true,
  version: true,
  firstAlertAt: true,
  attackTechniques: true,
  attackTactics: true,
  triagedAt: true,
  containedAt: true,
  eradicatedAt: true,
  recoveredAt: true,
  resolvedAt: true,
  commander: { select: { id: true, name: true, email: true } },
  suggestedPlaybook: { select: { title: true } },
} satisfies Prisma.IncidentSelect;

/** `key` is `INC-0042` (or its number). Unknown and malformed keys are both "not found". */
export async function getIncidentOrThrow(actor: Actor, key: string): Promise<IncidentDetailDto> {
  await authorize(actor, "incidents.read", { type: "Incident" });
  const number = IncidentKeyInput.safeParse(key);
  if (!number.success) throw new NotFoundError(`Incident ${key} was not found.`);
  const row = await db().incident.findUnique({ where: { number: number.data }, select: incidentDetailSelect });
  if (!row) throw new NotFoundError(`Incident ${key} was not found.`);
  const tacticName = new Map(
    TACTICS.flatMap(
      (t) =>
        [
          [t.id, t.name],
          [t.shortname, t.name],
        ] as const,
    ),
  );
  return {
    ...toSummary({ ...row, commander: row.commander }),
    id: row.id,
    version: row.version,
    summary: row.summary,
    firstAlertAt: row.firstAlertAt,
    commanderId: row.commander?.id ?? null,
    phaseTimes: {
      triagedAt: row.triagedAt,
      containedAt: row.containedAt,
      eradicatedAt: row.eradicatedAt,
      recoveredAt: row.recoveredAt,
      resolvedAt: row.resolvedAt,
    },
    suggestedPlaybook: row.suggestedPlaybook?.title ?? null,
    techniques: row.attackTechniques.map((id) => {
      const t = techniqueById(id);
      return { id, name: t?.name ?? id, tactics: (t?.tactics ?? []).map((x) => tacticName.get(x) ?? x), url: t?.url ?? null };
    }),
    tactics: row.attackTactics.map((id) => ({ id, name: tacticName.get(id) ?? id })),
  };
}
