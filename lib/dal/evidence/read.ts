import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError } from "@/lib/dal/errors";
import { evidenceDto, evidenceSelect } from "@/lib/dal/evidence/selects";
import { findIncidentForEvidence } from "@/lib/dal/evidence/register";
import type { EvidenceDto } from "@/lib/dto/evidence";
import type { Actor } from "@/lib/domain/roles";

/** An incident's evidence register, oldest first, each item with its whole chain of custody. */
export async function listIncidentEvidence(actor: Actor, key: string): Promise<{ incidentKey: string; items: EvidenceDto[] }> {
  await authorize(actor, "evidence.read", { type: "Incident" });
  const incident = await findIncidentForEvidence(db(), key);
  const rows = await db().evidence.findMany({ where: { incidentId: incident.id }, select: evidenceSelect, orderBy: { number: "asc" } });
  return { incidentKey: incident.key, items: rows.map(evidenceDto) };
}

/** One item by id, with its incident's key for the breadcrumb. */
export async function getEvidenceOrThrow(actor: Actor, id: string): Promise<EvidenceDto> {
  await authorize(actor, "evidence.read", { type: "Evidence", id });
  const row = await db().evidence.findUnique({ where: { id }, select: evidenceSelect });
  if (!row) throw new NotFoundError("No such evidence.");
  return evidenceDto(row);
}
