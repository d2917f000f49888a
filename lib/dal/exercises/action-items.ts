import "server-only";
import { db, type Tx } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { actionItemSelect, type ActionItemDto } from "@/lib/dal/exercises/selects";
import { writeVersioned } from "@/lib/dal/exercises/versioned";
import { decideActionItemChange, type LinkedFix } from "@/lib/domain/exercises/action-items";
import { findingStatusOf } from "@/lib/domain/exercises/findings";
import type { Actor } from "@/lib/domain/roles";
import type { ActionItemFieldsValue } from "@/lib/validation/exercises";

// Action items are never deleted; one that will not be done is closed WONT_FIX with a reason.

export type { ActionItemDto };

async function assertOwner(tx: Tx, ownerId: string | null): Promise<void> {
  if (!ownerId) return;
  const owner = await tx.contact.findUnique({ where: { id: ownerId }, select: { active: true } });
  if (!owner?.active) throw new ValidationError("The owner must be an active contact.", { ownerId: ["Choose a contact from the list"] });
}

/**
 * The finding's status follows its items; written in the same transaction as the item's change.
 * Derived, so it bumps no version: an open finding form stays valid, and it never sends status.
 */
async function refreshFindingStatus(tx: Tx, actor: Actor, findingId: string): Promise<void> {
  const finding = await tx.finding.findUniqueOrThrow({
    where: { id: findingId },
    select: { status: true, actionItems: { select: { status: true } } },
  });
  const status = findingStatusOf(finding.actionItems);
  if (status === finding.status) return;
  await tx.finding.update({ where: { id: findingId }, data: { status } });
  await appendAuditEvent(tx, {
    actor,
    action: "finding.status",
    targetType: "Finding",
    targetId: findingId,
    before: { status: finding.status },
    after: { status },
  });
}

export async function createActionItem(actor: Actor, input: { findingId: string } & ActionItemFieldsValue): Promise<ActionItemDto> {
  await authorize(actor, "exercises.edit", { type: "Finding", id: input.findingId });
  return db().$transaction(async (tx) => {
    const finding = await tx.finding.findUnique({ where: { id: input.findingId }, select: { id: true } });
    if (!finding) throw new NotFoundError("No such finding.");
    await assertOwner(tx, input.ownerId);
    const item = await tx.actionItem.create({ data: { ...input, updatedById: actor.id }, select: actionItemSelect });
    await appendAuditEvent(tx, { actor, action: "action_item.create", targetType: "ActionItem", targetId: item.id, after: item });
    await refreshFindingStatus(tx, actor, input.findingId);
    return item;
  });
}

async function loadItem(tx: Tx, id: string) {
  const before = await tx.actionItem.findUnique({
    where: { id },
    select: {
      ...actionItemSelect,
      finding: { select: { category: true, createdAt: true, planSectionKey: true, playbookId: true } },
    },
  });
  if (!before) throw new NotFoundError("No such action item.");
  return before;
}

const reread = (tx: Tx, id: string) => () => tx.actionItem.findUniqueOrThrow({ where: { id }, select: actionItemSelect });

export async function updateActionItem(
  actor: Actor,
  input: { id: string; version: number } & ActionItemFieldsValue,
): Promise<ActionItemDto> {
  const { id, version, ...fields } = input;
  await authorize(actor, "exercises.edit", { type: "ActionItem", id });
  return db().$transaction(async (tx) => {
    const before = await loadItem(tx, id);
    await assertOwner(tx, fields.ownerId);
    return writeVersioned(
      tx,
      actor,
      { type: "ActionItem", id, version, label: before.title, current: before.version },
      tx.actionItem,
      fields,
      {
        action: "action_item.update",
        before,
        reread: reread(tx, id),
      },
    );
  });
}

async function linkedFix(tx: Tx, input: { planRevisionId: string | null; playbookVersionId: string | null }): Promise<LinkedFix | null> {
  if (input.planRevisionId && input.playbookVersionId)
    throw new ValidationError("Link either a plan revision or a playbook version, not both.");
  if (input.planRevisionId) {
    const r = await tx.planRevision.findUnique({
      where: { id: input.planRevisionId },
      select: { id: true, status: true, publishedAt: true, number: true },
    });
    if (!r) throw new ValidationError("No such plan revision.", { planRevisionId: ["Choose a published revision"] });
    return { kind: "planRevision", ...r };
  }
  if (input.playbookVersionId) {
    const v = await tx.playbookVersion.findUnique({
      where: { id: input.playbookVersionId },
      select: { id: true, playbookId: true, status: true, publishedAt: true, number: true },
    });
    if (!v) throw new ValidationError("No such playbook version.", { playbookVersionId: ["Choose a published version"] });
    return { kind: "playbookVersion", ...v };
  }
  return null;
}

/**
 * Moves an action item along its rules (lib/domain/exercises/action-items.ts): an item about the
 * plan or a playbook closes only with the published revision or version that fixed it, published
 * after the finding. The finding's status (and so the purple-team gate) follows in the same transaction.
 */
export async function changeActionItemStatus(
  actor: Actor,
  input: {
    id: string;
    version: number;
    to: ActionItemDto["status"];
    wontFixReason: string | null;
    planRevisionId: string | null;
    playbookVersionId: string | null;
  },
): Promise<ActionItemDto> {
  await authorize(actor, "exercises.edit", { type: "ActionItem", id: input.id });
  return db().$transaction(async (tx) => {
    const { finding, ...before } = await loadItem(tx, input.id);
    const decision = decideActionItemChange(
      before.status,
      { to: input.to, wontFixReason: input.wontFixReason, fix: await linkedFix(tx, input) },
      finding,
    );
    if (!decision.ok) {
      const field =
        decision.field === "fix"
          ? input.playbookVersionId || finding.playbookId
            ? "playbookVersionId"
            : "planRevisionId"
          : decision.field;
      throw new ValidationError(decision.message, field ? { [field]: [decision.message] } : undefined);
    }
    const { status, wontFixReason, closedByPlanRevisionId, closedByPlaybookVersionId, closed } = decision;
    const item = await writeVersioned(
      tx,
      actor,
      { type: "ActionItem", id: input.id, version: input.version, label: before.title, current: before.version },
      tx.actionItem,
      { status, wontFixReason, closedByPlanRevisionId, closedByPlaybookVersionId, closedAt: closed ? new Date() : null },
      { action: `action_item.status.${decision.status.toLowerCase()}`, before, reread: reread(tx, input.id) },
    );
    await refreshFindingStatus(tx, actor, item.findingId);
    return item;
  });
}
