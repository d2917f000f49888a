import type { CustodyAction } from "@/lib/dto/enums";

/**
 * The chain of custody of one evidence item, read from its events in order. It is append-only
 * (the database refuses anything else), so an item's state is always derived, never stored: who
 * holds it, whether it has left custody, and what the last re-hash found.
 */

export type CustodyEventFacts = {
  action: CustodyAction;
  at: Date;
  actorName: string;
  fromParty: string | null;
  toParty: string | null;
  matched: boolean | null;
};

export type CustodyStatus = "IN_CUSTODY" | "RELEASED" | "DISPOSED";

export type CustodyState = {
  status: CustodyStatus;
  /** Who holds it now: the collector, then whoever it was last transferred to. */
  holder: string | null;
  /** The last verification, or null when it was never re-hashed. */
  lastVerification: { at: Date; matched: boolean } | null;
  /** Any verification that found other bytes than registered: shown on every view of the item, for good. */
  everMismatched: boolean;
};

export function custodyState(events: readonly CustodyEventFacts[]): CustodyState {
  let status: CustodyStatus = "IN_CUSTODY";
  let holder: string | null = null;
  let lastVerification: CustodyState["lastVerification"] = null;
  let everMismatched = false;
  for (const e of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (e.action === "COLLECTED") holder ??= e.actorName;
    else if (e.action === "TRANSFERRED") holder = e.toParty ?? holder;
    else if (e.action === "RELEASED") status = "RELEASED";
    else if (e.action === "DISPOSED") status = "DISPOSED";
    else if (e.action === "VERIFIED" && e.matched !== null) {
      lastVerification = { at: e.at, matched: e.matched };
      if (!e.matched) everMismatched = true;
    }
  }
  return { status, holder, lastVerification, everMismatched };
}

/** The custody events a person records by hand (COLLECTED comes with registration, ACCESSED with a download, VERIFIED with a re-hash). */
export const MANUAL_CUSTODY_ACTIONS = ["TRANSFERRED", "RELEASED", "DISPOSED"] as const satisfies readonly CustodyAction[];
export type ManualCustodyAction = (typeof MANUAL_CUSTODY_ACTIONS)[number];

/**
 * Why a manual custody event cannot be recorded now, or null when it can. Released (returned to
 * its owner, handed to law enforcement) and disposed items have left custody: nothing more is
 * transferred or released, though they stay registered, verifiable and downloadable where stored.
 */
export function custodyRefusal(state: CustodyState, action: ManualCustodyAction): string | null {
  if (state.status === "DISPOSED") return "This item was disposed of; its custody has ended.";
  if (state.status === "RELEASED") return "This item was released from custody; record nothing more but access and verification.";
  if (action === "TRANSFERRED" && state.holder === null) return "Nobody holds this item yet.";
  return null;
}
