import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { assertOwnershipRules, loadCandidates, ownershipRows } from "@/lib/dal/ownership";
import { labelsOf } from "@/lib/dal/platform-scopes";
import {
  importPlanHasChanges,
  parseNamespaceList,
  planNamespaceImport,
  type ImportedNamespace,
  type NamespaceImportPlan,
  type OwnerPrefill,
} from "@/lib/domain/namespace-import";
import type { ProposedOwners } from "@/lib/domain/ownership-rules";
import type { Actor } from "@/lib/domain/roles";
import type { ImportPreviewDto, ImportResultDto } from "@/lib/dto/platform";
import type { NamespaceImportInput } from "@/lib/validation/platform";

type Input = z.output<typeof NamespaceImportInput>;

function parseOrThrow(json: string): ImportedNamespace[] {
  const parsed = parseNamespaceList(json);
  if (!parsed.ok) throw new ValidationError(parsed.error, { json: [parsed.error] });
  return parsed.namespaces;
}

/** The plan against the cluster as it is now (inside the caller's transaction when applying). */
async function planFor(tx: Tx, clusterId: string, incoming: ImportedNamespace[]) {
  const cluster = await tx.cluster.findUnique({
    where: { id: clusterId },
    select: {
      id: true,
      name: true,
      namespaces: {
        select: {
          id: true,
          name: true,
          isPattern: true,
          labels: true,
          ownerships: { where: { role: { in: ["PRIMARY", "SECONDARY"] } }, select: { id: true } },
        },
      },
    },
  });
  if (!cluster) throw new NotFoundError("That cluster no longer exists — reload the page.");
  const contacts = await tx.contact.findMany({ select: { id: true, name: true, email: true, active: true } });
  const existing = cluster.namespaces.map((ns) => ({
    name: ns.name,
    isPattern: ns.isPattern,
    labels: labelsOf(ns.labels),
    hasOwnDevOpsOwners: ns.ownerships.length > 0,
  }));
  const plan = planNamespaceImport(existing, incoming, contacts);
  const digest = createHash("sha256")
    .update(JSON.stringify({ clusterId: cluster.id, plan }))
    .digest("hex");
  return { cluster, plan, digest };
}

/** Reads nothing into the plan: shows what applying the pasted list would change. */
export async function previewNamespaceImport(actor: Actor, input: Input): Promise<ImportPreviewDto> {
  await authorize(actor, "plan.edit", { type: "Cluster", id: input.clusterId });
  const incoming = parseOrThrow(input.json);
  const { cluster, plan, digest } = await db().$transaction((tx) => planFor(tx, input.clusterId, incoming));
  return { clusterId: cluster.id, clusterName: cluster.name, digest, plan, hasChanges: importPlanHasChanges(plan) };
}

function prefillProposal(prefill: OwnerPrefill | null): ProposedOwners | null {
  if (!prefill?.applies || !prefill.primary || !prefill.secondary) return null;
  return { scope: "namespace", primaryIds: [prefill.primary.id], secondaryIds: [prefill.secondary.id], securityIds: [] };
}

/**
 * Applies the pasted list: re-parses it, re-plans against the cluster as it is now under a row lock
 * (so two imports of one cluster take turns), refuses if that plan differs from the previewed one,
 * re-checks pre-filled owners against the ownership rules, and writes everything with one audit
 * event listing the changes. Applying the same list again changes nothing and writes no event.
 */
export async function applyNamespaceImport(actor: Actor, input: Input): Promise<ImportResultDto> {
  await authorize(actor, "plan.edit", { type: "Cluster", id: input.clusterId });
  const incoming = parseOrThrow(input.json);
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "Cluster" WHERE "id" = ${input.clusterId} FOR UPDATE`;
      const { cluster, plan, digest } = await planFor(tx, input.clusterId, incoming);
      if (input.digest && input.digest !== digest) {
        throw new ConflictError(
          `The namespaces of ${cluster.name} changed since your preview (someone else edited or imported them). Preview again before applying.`,
        );
      }
      const result: ImportResultDto = {
        clusterName: cluster.name,
        added: plan.add.length,
        updated: plan.update.length,
        ownersPrefilled: 0,
        unchanged: plan.unchanged.length,
        notInList: plan.notInList.length,
      };
      if (!importPlanHasChanges(plan)) return result;

      const byName = new Map(cluster.namespaces.map((ns) => [ns.name, ns]));
      const owners: Record<string, { primary: string; secondary: string }> = {};
      const withOwners = async (name: string, prefill: OwnerPrefill | null) => {
        const proposal = prefillProposal(prefill);
        if (!proposal) return undefined;
        assertOwnershipRules(proposal, await loadCandidates(tx, proposal));
        owners[name] = { primary: prefill!.primary!.name, secondary: prefill!.secondary!.name };
        result.ownersPrefilled += 1;
        return { create: ownershipRows(proposal) };
      };

      for (const ns of plan.add) {
        await tx.namespace.create({
          data: {
            clusterId: cluster.id,
            name: ns.name,
            isPattern: false,
            labels: ns.labels as Prisma.InputJsonValue,
            ownerships: await withOwners(ns.name, ns.prefill),
          },
        });
      }
      for (const ns of plan.update) {
        const current = byName.get(ns.name)!;
        await tx.namespace.update({
          where: { id: current.id },
          data: {
            labels: ns.labels as Prisma.InputJsonValue,
            updatedById: actor.id,
            version: { increment: 1 },
            ownerships: await withOwners(ns.name, ns.prefill),
          },
        });
      }

      await appendAuditEvent(tx, {
        actor,
        action: "namespace.import",
        targetType: "Cluster",
        targetId: cluster.id,
        after: auditSummary(cluster.name, plan, owners),
      });
      return result;
    },
    { timeout: 60_000 },
  );
}

function auditSummary(cluster: string, plan: NamespaceImportPlan, owners: Record<string, { primary: string; secondary: string }>) {
  return {
    cluster,
    added: plan.add.map((ns) => ({ name: ns.name, owners: owners[ns.name] ?? null })),
    updated: plan.update.map((ns) => ({ name: ns.name, labelChanges: ns.labelChanges, owners: owners[ns.name] ?? null })),
    unchanged: plan.unchanged.length,
    notInList: plan.notInList,
  };
}
