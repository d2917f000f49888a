import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { ValidationError } from "@/lib/dal/errors";
import { ensurePlanRoles } from "@/lib/dal/plan-roles";
import { assertOneRowUpdated, staleVersionConflict } from "@/lib/dal/versioning";
import { defaultPolicyName, SEVERITIES, validateTiers } from "@/lib/domain/escalation";
import { PLAN_ROLE_KINDS, type PlanRoleKind } from "@/lib/domain/plan-roles";
import type { Actor } from "@/lib/domain/roles";
import type { EscalationPolicyDto } from "@/lib/dto/plan-roles";
import type { ReplaceEscalationTiersValue } from "@/lib/validation/plan-roles";

const policySelect = {
  id: true,
  severity: true,
  name: true,
  description: true,
  version: true,
  tiers: {
    orderBy: { position: "asc" },
    select: {
      position: true,
      waitMinutes: true,
      targets: {
        orderBy: { id: "asc" },
        select: { planRole: { select: { kind: true, name: true } }, contact: { select: { id: true, name: true, active: true } } },
      },
    },
  },
} satisfies Prisma.EscalationPolicySelect;

type PolicyRow = Prisma.EscalationPolicyGetPayload<{ select: typeof policySelect }>;

const roleOrder = (kind: PlanRoleKind) => PLAN_ROLE_KINDS.indexOf(kind);

function toDto(row: PolicyRow): EscalationPolicyDto {
  return {
    severity: row.severity,
    id: row.id,
    name: row.name,
    description: row.description,
    version: row.version,
    tiers: row.tiers.map((tier) => ({
      position: tier.position,
      waitMinutes: tier.waitMinutes,
      roles: tier.targets.flatMap((t) => (t.planRole ? [t.planRole] : [])).sort((a, b) => roleOrder(a.kind) - roleOrder(b.kind)),
      contacts: tier.targets.flatMap((t) => (t.contact ? [t.contact] : [])),
    })),
  };
}

/** The escalation of every severity, SEV1 first. */
export async function listEscalationPolicies(actor: Actor): Promise<EscalationPolicyDto[]> {
  await authorize(actor, "plan.read", { type: "EscalationPolicy" });
  const rows = await db().escalationPolicy.findMany({ select: policySelect });
  const bySeverity = new Map(rows.map((row) => [row.severity, toDto(row)]));
  return SEVERITIES.map(
    (severity) =>
      bySeverity.get(severity) ?? { severity, id: null, name: defaultPolicyName(severity), description: null, version: 0, tiers: [] },
  );
}

/** Creates the severity's policy on its first edit; ON CONFLICT DO NOTHING keeps two first edits from racing. */
async function ensurePolicy(tx: Tx, actor: Actor, input: ReplaceEscalationTiersValue): Promise<void> {
  const created = await tx.escalationPolicy.createManyAndReturn({
    data: [{ severity: input.severity, name: input.name, description: input.description }],
    skipDuplicates: true,
    select: { id: true, severity: true, name: true, description: true, version: true },
  });
  for (const policy of created) {
    await appendAuditEvent(tx, {
      actor,
      action: "escalation_policy.create",
      targetType: "EscalationPolicy",
      targetId: policy.id,
      after: policy,
    });
  }
}

/**
 * Replaces a severity's whole tier list (and its name and description) in one transaction:
 * readers see the old policy or the new one, never half of each. Versioned on the policy.
 */
export async function replaceEscalationTiers(actor: Actor, input: ReplaceEscalationTiersValue): Promise<EscalationPolicyDto> {
  await authorize(actor, "plan.edit", { type: "EscalationPolicy" });
  return db().$transaction(async (tx) => {
    await ensurePolicy(tx, actor, input);
    const before = toDto(await tx.escalationPolicy.findUniqueOrThrow({ where: { severity: input.severity }, select: policySelect }));
    const policyId = before.id!;
    if (before.version !== input.version) {
      throw await staleVersionConflict(tx, { type: "EscalationPolicy", id: policyId, label: `The ${input.severity} escalation` });
    }

    const contactIds = [...new Set(input.tiers.flatMap((t) => t.contactIds))];
    const contacts = await tx.contact.findMany({ where: { id: { in: contactIds } }, select: { id: true, name: true, active: true } });
    const result = validateTiers(input.tiers, new Map(contacts.map((c) => [c.id, c])));
    if (!result.ok) throw new ValidationError(result.problems.join(" "), { tiers: result.problems });

    const roles = await ensurePlanRoles(tx, actor, [...new Set(result.tiers.flatMap((t) => t.roles))]);
    const updated = await tx.escalationPolicy.updateMany({
      where: { id: policyId, version: input.version },
      data: { name: input.name, description: input.description, updatedById: actor.id, version: { increment: 1 } },
    });
    assertOneRowUpdated(updated.count, `the ${input.severity} escalation`);
    // Tiers go with their targets (onDelete: Cascade); nothing else refers to a tier.
    await tx.escalationTier.deleteMany({ where: { policyId } });
    for (const tier of result.tiers) {
      await tx.escalationTier.create({
        data: {
          policyId,
          position: tier.position,
          waitMinutes: tier.waitMinutes,
          targets: {
            create: [
              ...tier.roles.map((kind) => ({ planRoleId: roles.get(kind)!.id })),
              ...tier.contactIds.map((contactId) => ({ contactId })),
            ],
          },
        },
      });
    }
    const after = toDto(await tx.escalationPolicy.findUniqueOrThrow({ where: { id: policyId }, select: policySelect }));
    await appendAuditEvent(tx, {
      actor,
      action: "escalation_policy.replace_tiers",
      targetType: "EscalationPolicy",
      targetId: policyId,
      before,
      after,
    });
    return after;
  });
}
