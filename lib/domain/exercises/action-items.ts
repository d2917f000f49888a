import type { ActionItemStatus, FindingCategory } from "@/lib/generated/prisma/enums";
import { CLOSED_ACTION_ITEM_STATUSES } from "@/lib/domain/exercises/findings";

/**
 * An action item's life: OPEN → IN_PROGRESS → DONE, or WONT_FIX with a reason from either open
 * state; a closed item may be reopened (to OPEN) when the fix turns out not to hold. An item about
 * the plan or a playbook is done only when it links the published plan revision or playbook
 * version that fixed it, published after the finding was recorded: the loop back into the plan is
 * what the record shows, not a checkbox.
 */

const NEXT: Readonly<Record<ActionItemStatus, readonly ActionItemStatus[]>> = {
  OPEN: ["IN_PROGRESS", "DONE", "WONT_FIX"],
  IN_PROGRESS: ["OPEN", "DONE", "WONT_FIX"],
  DONE: ["OPEN"],
  WONT_FIX: ["OPEN"],
};

export const WONT_FIX_REASON_MAX = 2000;

/** Where an action item can go from its status (what the form offers; the DAL decides). */
export function nextActionItemStatuses(from: ActionItemStatus): readonly ActionItemStatus[] {
  return NEXT[from];
}

/** What the finding is about, as far as closing its items goes. */
export type FindingConcern = { category: FindingCategory; createdAt: Date; planSectionKey: string | null; playbookId: string | null };

/** A fix the manager links: a plan revision or a playbook version, as the database has it. */
export type LinkedFix =
  | { kind: "planRevision"; id: string; status: "DRAFT" | "PUBLISHED" | "DISCARDED"; publishedAt: Date | null; number: number | null }
  | {
      kind: "playbookVersion";
      id: string;
      playbookId: string;
      status: "DRAFT" | "PUBLISHED" | "RETIRED";
      publishedAt: Date | null;
      number: number;
    };

export type ActionItemChange = { to: ActionItemStatus; wontFixReason?: string | null; fix?: LinkedFix | null };

export type ActionItemDecision =
  | {
      ok: true;
      status: ActionItemStatus;
      wontFixReason: string | null;
      closedByPlanRevisionId: string | null;
      closedByPlaybookVersionId: string | null;
      closed: boolean;
    }
  | { ok: false; message: string; field?: "to" | "wontFixReason" | "fix" };

/** Which published record must close the item: the plan, a playbook, or nothing in particular. */
export function requiredFix(concern: FindingConcern): "planRevision" | "playbookVersion" | null {
  if (concern.category === "PLAN" || concern.planSectionKey) return "planRevision";
  if (concern.category === "PLAYBOOK" || concern.playbookId) return "playbookVersion";
  return null;
}

export function isActionItemClosed(status: ActionItemStatus): boolean {
  return CLOSED_ACTION_ITEM_STATUSES.includes(status);
}

export function decideActionItemChange(from: ActionItemStatus, change: ActionItemChange, concern: FindingConcern): ActionItemDecision {
  const cleared = { wontFixReason: null, closedByPlanRevisionId: null, closedByPlaybookVersionId: null };
  if (from === change.to) return { ok: false, field: "to", message: "The action item already has that status." };
  if (!NEXT[from].includes(change.to)) return { ok: false, field: "to", message: "Reopen the action item first." };
  if (change.to === "OPEN" || change.to === "IN_PROGRESS") return { ok: true, status: change.to, closed: false, ...cleared };

  if (change.to === "WONT_FIX") {
    const reason = change.wontFixReason?.trim() ?? "";
    if (!reason) return { ok: false, field: "wontFixReason", message: "Say why this will not be fixed." };
    if (reason.length > WONT_FIX_REASON_MAX)
      return { ok: false, field: "wontFixReason", message: `Use at most ${WONT_FIX_REASON_MAX} characters.` };
    return { ok: true, status: "WONT_FIX", closed: true, ...cleared, wontFixReason: reason };
  }

  // DONE
  const needed = requiredFix(concern);
  const fix = change.fix ?? null;
  if (needed === null && fix === null) return { ok: true, status: "DONE", closed: true, ...cleared };
  const what = needed === "planRevision" ? "plan revision" : "playbook version";
  if (fix === null)
    return {
      ok: false,
      field: "fix",
      message: `This finding is about the ${needed === "planRevision" ? "plan" : "playbook"}: link the published ${what} that fixed it.`,
    };
  if (needed !== null && fix.kind !== needed)
    return {
      ok: false,
      field: "fix",
      message: `Link a ${what}, not a ${fix.kind === "planRevision" ? "plan revision" : "playbook version"}.`,
    };
  if (fix.kind === "playbookVersion" && concern.playbookId && fix.playbookId !== concern.playbookId) {
    return { ok: false, field: "fix", message: "That version belongs to another playbook than the one the finding is about." };
  }
  if (fix.status !== "PUBLISHED" || !fix.publishedAt)
    return { ok: false, field: "fix", message: "Only a published revision or version can close an action item: publish it first." };
  if (fix.publishedAt.getTime() <= concern.createdAt.getTime()) {
    return {
      ok: false,
      field: "fix",
      message: "That was published before the finding was recorded, so it cannot be what fixed it: link a newer one.",
    };
  }
  return {
    ok: true,
    status: "DONE",
    closed: true,
    ...cleared,
    closedByPlanRevisionId: fix.kind === "planRevision" ? fix.id : null,
    closedByPlaybookVersionId: fix.kind === "playbookVersion" ? fix.id : null,
  };
}

/** Overdue: still open after the end of its due day would be arbitrary; after its due instant is the rule. */
export function isOverdue(item: { status: ActionItemStatus; dueAt: Date | null }, now: Date): boolean {
  return item.dueAt !== null && !isActionItemClosed(item.status) && item.dueAt.getTime() < now.getTime();
}
