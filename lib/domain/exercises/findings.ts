import type { ActionItemStatus, FindingStatus } from "@/lib/generated/prisma/enums";

/**
 * A finding's status follows its action items: it is open until every item is closed (a finding
 * with no items is open — nobody has decided what to do about it); then RESOLVED when at least one
 * item was done, ACCEPTED when every item was won't-fix (the risk was accepted, with reasons).
 */

export const CLOSED_ACTION_ITEM_STATUSES: readonly ActionItemStatus[] = ["DONE", "WONT_FIX"];

export function findingStatusOf(items: readonly { status: ActionItemStatus }[]): FindingStatus {
  if (items.length === 0 || items.some((i) => !CLOSED_ACTION_ITEM_STATUSES.includes(i.status))) return "OPEN";
  return items.some((i) => i.status === "DONE") ? "RESOLVED" : "ACCEPTED";
}

export function isFindingOpen(items: readonly { status: ActionItemStatus }[]): boolean {
  return findingStatusOf(items) === "OPEN";
}
