import "server-only";
import type { Readable } from "node:stream";
import { db } from "@/lib/db";
import { authorize } from "@/lib/dal/authorize";
import { appendCustodyEvent } from "@/lib/dal/evidence/custody";
import { evidenceDto, evidenceSelect } from "@/lib/dal/evidence/selects";
import { findIncidentForEvidence } from "@/lib/dal/evidence/register";
import { getIncidentTimeline } from "@/lib/dal/incident-timeline";
import { auditChainHead } from "@/lib/dal/audit";
import type { EvidenceDto } from "@/lib/dto/evidence";
import type { IncidentTimelineDto } from "@/lib/dto/incidents";
import type { Actor } from "@/lib/domain/roles";
import { evidenceStore } from "@/lib/storage/evidence-store";

export type PackagedFile = { item: EvidenceDto; size: number; stream: () => Readable };

export type ForensicPackageData = {
  incidentKey: string;
  packagedAt: Date;
  packagedBy: { name: string; email: string };
  auditHead: { seq: string; hash: string } | null;
  /** Every registered item (external ones are in custody.json and the manifest, without bytes). */
  items: EvidenceDto[];
  /** The uploaded items whose bytes the store still holds, in register order. */
  files: PackagedFile[];
  /** Uploaded items whose bytes are missing from the store (listed in the manifest as such). */
  missing: number[];
  timeline: IncidentTimelineDto;
};

/**
 * What the forensic package of an incident holds, with its files opened. Taking the package is an
 * access of every item in it: one ACCESSED custody event per packaged file, recorded before a byte
 * is sent (in one transaction, so either all are recorded or the package is refused).
 */
export async function openForensicPackage(actor: Actor, key: string): Promise<ForensicPackageData> {
  await authorize(actor, "evidence.access", { type: "Incident" });
  const incident = await findIncidentForEvidence(db(), key);
  const rows = await db().evidence.findMany({ where: { incidentId: incident.id }, select: evidenceSelect, orderBy: { number: "asc" } });
  const files: PackagedFile[] = [];
  const missing: number[] = [];
  for (const row of rows) {
    if (!row.storageKey) continue;
    const content = await evidenceStore().open(row.storageKey);
    if (content) files.push({ item: evidenceDto(row), size: content.size, stream: content.stream });
    else missing.push(row.number);
  }
  const packagedAt = new Date();
  const head = await db().$transaction(async (tx) => {
    for (const f of files) {
      await appendCustodyEvent(
        tx,
        actor,
        { id: f.item.id, number: f.item.number, incidentId: incident.id },
        {
          action: "ACCESSED",
          note: `Included in the forensic package of ${incident.key} taken at ${packagedAt.toISOString()}.`,
        },
      );
    }
    return auditChainHead(tx);
  });
  // Re-read so that custody.json includes the ACCESSED events this package just recorded.
  const items = (
    await db().evidence.findMany({ where: { incidentId: incident.id }, select: evidenceSelect, orderBy: { number: "asc" } })
  ).map(evidenceDto);
  const byId = new Map(items.map((i) => [i.id, i]));
  return {
    incidentKey: incident.key,
    packagedAt,
    packagedBy: { name: actor.name, email: actor.email },
    auditHead: head ? { seq: head.seq.toString(), hash: head.hash } : null,
    items,
    files: files.map((f) => ({ ...f, item: byId.get(f.item.id) ?? f.item })),
    missing,
    timeline: await getIncidentTimeline(actor, incident.id),
  };
}
