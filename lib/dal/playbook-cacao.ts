import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { cacaoFilename, playbookToCacao, type ExportablePlaybook } from "@/lib/cacao/export";
import type { CacaoImportInput } from "@/lib/cacao/inputs";
import { readCacaoDocument } from "@/lib/cacao/read-document";
import type { CacaoPlaybook } from "@/lib/cacao/types";
import type { Actor } from "@/lib/domain/roles";
import type { CacaoImportDto } from "@/lib/dto/playbooks";

const versionSelect = {
  id: true,
  number: true,
  status: true,
  publishedAt: true,
  publishedById: true,
  updatedAt: true,
  steps: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      phase: true,
      title: true,
      instructions: true,
      responsibleRole: true,
      evidenceExpected: true,
      expectedMinutes: true,
    },
  },
} satisfies Prisma.PlaybookVersionSelect;

export type PlaybookCacaoExport = { document: CacaoPlaybook; filename: string; versionNumber: number };

/**
 * A playbook version as a CACAO 2.0 document: the given version number (a draft only when asked
 * for by number), else the latest published one. Audited as `playbook.export`, like the plan
 * export, because it takes the playbook out of the portal.
 */
export async function getPlaybookCacao(actor: Actor, playbookId: string, versionNumber?: number): Promise<PlaybookCacaoExport> {
  await authorize(actor, "playbooks.read", { type: "Playbook", id: playbookId });
  return db().$transaction(async (tx) => {
    const playbook = await tx.playbook.findUnique({
      where: { id: playbookId },
      select: { id: true, title: true, description: true, incidentType: true, attackTechniques: true, createdAt: true },
    });
    if (!playbook) throw new NotFoundError("No playbook with that id.");
    const version = await tx.playbookVersion.findFirst({
      where: versionNumber === undefined ? { playbookId, status: "PUBLISHED" } : { playbookId, number: versionNumber },
      orderBy: { number: "desc" },
      select: versionSelect,
    });
    if (!version) {
      throw new NotFoundError(
        versionNumber === undefined
          ? `"${playbook.title}" has no published version yet; export a draft by its number (?version=N).`
          : `"${playbook.title}" has no version ${versionNumber}.`,
      );
    }
    const exportable: ExportablePlaybook = { ...playbook, version, steps: version.steps };
    const document = playbookToCacao(exportable);
    await appendAuditEvent(tx, {
      actor,
      action: "playbook.export",
      targetType: "PlaybookVersion",
      targetId: version.id,
      after: { format: "cacao-2.0", playbookId, versionNumber: version.number, cacaoId: document.id },
    });
    return { document, filename: cacaoFilename(exportable), versionNumber: version.number };
  });
}

/**
 * Imports a CACAO 2.0 document as a NEW playbook whose version 1 is a draft holding the mapped
 * steps, the whole document kept in `importedCacao`. An invalid document is refused with every
 * problem listed (ValidationError, fieldErrors.document); nothing is written then.
 */
export async function importCacaoPlaybook(actor: Actor, input: z.output<typeof CacaoImportInput>): Promise<CacaoImportDto> {
  await authorize(actor, "playbooks.edit", { type: "Playbook" });
  const read = readCacaoDocument(input.document);
  if (!read.ok) throw new ValidationError(read.message, read.problems.length ? { document: read.problems } : { document: [read.message] });
  const { playbook: mapped, document } = read;
  const incidentType = mapped.incidentType ?? input.incidentType;
  return db().$transaction(async (tx) => {
    const playbook = await tx.playbook.create({
      data: {
        title: mapped.title,
        incidentType,
        description: mapped.description,
        attackTechniques: mapped.attackTechniques,
        updatedById: actor.id,
      },
      select: { id: true },
    });
    const version = await tx.playbookVersion.create({
      data: {
        playbookId: playbook.id,
        number: 1,
        status: "DRAFT",
        updatedById: actor.id,
        changeNote: `Imported from CACAO 2.0 playbook ${document.id} (modified ${document.modified}).`,
        importedCacao: document as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await tx.playbookStep.createMany({ data: mapped.steps.map((step, i) => ({ versionId: version.id, position: i + 1, ...step })) });
    const result: CacaoImportDto = {
      playbookId: playbook.id,
      versionId: version.id,
      title: mapped.title,
      incidentType,
      incidentTypeFrom: mapped.incidentType ? "document" : "form",
      stepCount: mapped.steps.length,
    };
    await appendAuditEvent(tx, {
      actor,
      action: "playbook.import",
      targetType: "Playbook",
      targetId: playbook.id,
      after: { ...result, attackTechniques: mapped.attackTechniques, cacaoId: document.id, cacaoModified: document.modified },
    });
    return result;
  });
}
