import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { ValidationError } from "@/lib/dal/errors";
import { assertOneRowUpdated, staleVersionConflict } from "@/lib/dal/versioning";
import { PLAN_ROLE_DEFAULTS, PLAN_ROLE_KINDS, planRoleMemberProblems, type PlanRoleKind } from "@/lib/domain/plan-roles";
import type { Actor } from "@/lib/domain/roles";
import type { PlanRoleDto } from "@/lib/dto/plan-roles";
import type { SetPlanRoleMembersValue } from "@/lib/validation/plan-roles";

const planRoleSelect = {
  id: true,
  kind: true,
  name: true,
  description: true,
  version: true,
  members: {
    orderBy: { rank: "asc" },
    select: {
      rank: true,
      contact: { select: { id: true, name: true, email: true, phone: true, team: true, title: true, active: true } },
    },
  },
} satisfies Prisma.PlanRoleSelect;

type PlanRoleRow = Prisma.PlanRoleGetPayload<{ select: typeof planRoleSelect }>;

function toDto(row: PlanRoleRow): PlanRoleDto {
  return {
    kind: row.kind,
    id: row.id,
    name: row.name,
    description: row.description,
    version: row.version,
    members: row.members.map(({ rank, contact }) => ({
      contactId: contact.id,
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      team: contact.team,
      title: contact.title,
      active: contact.active,
      rank,
    })),
  };
}

function unsavedRole(kind: PlanRoleKind): PlanRoleDto {
  return { kind, id: null, ...PLAN_ROLE_DEFAULTS[kind], version: 0, members: [] };
}

/** Every IR role in the plan's order, with its members in rank order (roles without a row show empty). */
export async function listPlanRoles(actor: Actor): Promise<PlanRoleDto[]> {
  await authorize(actor, "plan.read", { type: "PlanRole" });
  return readPlanRoles(db());
}

async function readPlanRoles(client: Db | Tx): Promise<PlanRoleDto[]> {
  const rows = await client.planRole.findMany({ select: planRoleSelect });
  const byKind = new Map(rows.map((row) => [row.kind, toDto(row)]));
  return PLAN_ROLE_KINDS.map((kind) => byKind.get(kind) ?? unsavedRole(kind));
}

/**
 * Creates the PlanRole rows of `kinds` that do not exist yet, with their default name, and audits
 * each one created. ON CONFLICT DO NOTHING makes two first edits at once create a row only once.
 * For use inside a caller's transaction, after the caller authorized the edit.
 */
export async function ensurePlanRoles(
  tx: Tx,
  actor: Actor,
  kinds: readonly PlanRoleKind[],
): Promise<Map<PlanRoleKind, { id: string; version: number; name: string }>> {
  if (kinds.length === 0) return new Map();
  const created = await tx.planRole.createManyAndReturn({
    data: kinds.map((kind) => ({ kind, ...PLAN_ROLE_DEFAULTS[kind] })),
    skipDuplicates: true,
    select: { id: true, kind: true, name: true, description: true, version: true },
  });
  for (const role of created) {
    await appendAuditEvent(tx, { actor, action: "plan_role.create", targetType: "PlanRole", targetId: role.id, after: role });
  }
  const rows = await tx.planRole.findMany({
    where: { kind: { in: [...kinds] } },
    select: { id: true, kind: true, version: true, name: true },
  });
  return new Map(rows.map((row) => [row.kind, row]));
}

/**
 * Replaces who fills a role: `contactIds` in rank order, the first fills it and the rest are its
 * backups. An empty list leaves the role unfilled (the readiness score shows that). Versioned on
 * the role, so two managers editing the same role cannot overwrite each other.
 */
export async function setPlanRoleMembers(actor: Actor, input: SetPlanRoleMembersValue): Promise<PlanRoleDto> {
  await authorize(actor, "plan.edit", { type: "PlanRole" });
  return db().$transaction(async (tx) => {
    const role = (await ensurePlanRoles(tx, actor, [input.kind])).get(input.kind);
    if (!role) throw new Error(`plan role ${input.kind} missing after ensurePlanRoles`);
    if (role.version !== input.version) throw await staleVersionConflict(tx, { type: "PlanRole", id: role.id, label: role.name });

    const contacts = await tx.contact.findMany({ where: { id: { in: input.contactIds } }, select: { id: true, name: true, active: true } });
    const problems = planRoleMemberProblems(input.contactIds, new Map(contacts.map((c) => [c.id, c])));
    if (problems.length > 0) throw new ValidationError(problems.join(" "), { contactIds: problems });

    const before = toDto(await tx.planRole.findUniqueOrThrow({ where: { id: role.id }, select: planRoleSelect }));
    const updated = await tx.planRole.updateMany({
      where: { id: role.id, version: input.version },
      data: { updatedById: actor.id, version: { increment: 1 } },
    });
    assertOneRowUpdated(updated.count, role.name);
    await tx.planRoleMember.deleteMany({ where: { planRoleId: role.id } });
    await tx.planRoleMember.createMany({ data: input.contactIds.map((contactId, rank) => ({ planRoleId: role.id, contactId, rank })) });
    const after = toDto(await tx.planRole.findUniqueOrThrow({ where: { id: role.id }, select: planRoleSelect }));
    await appendAuditEvent(tx, {
      actor,
      action: "plan_role.set_members",
      targetType: "PlanRole",
      targetId: role.id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** What the audit trail keeps of a role: who, in which order (names so the record reads on its own). */
function auditView(role: PlanRoleDto) {
  return {
    kind: role.kind,
    version: role.version,
    members: role.members.map((m) => ({ rank: m.rank, contactId: m.contactId, name: m.name })),
  };
}
