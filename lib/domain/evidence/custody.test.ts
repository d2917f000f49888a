import { describe, expect, it } from "vitest";
import { custodyRefusal, custodyState, type CustodyEventFacts } from "@/lib/domain/evidence/custody";

let minute = 0;
const event = (over: Partial<CustodyEventFacts>): CustodyEventFacts => ({
  action: "COLLECTED",
  at: new Date(Date.UTC(2026, 11, 4, 10, minute++)),
  actorName: "Riley Responder",
  fromParty: null,
  toParty: null,
  matched: null,
  ...over,
});

describe("custodyState", () => {
  it("starts with the collector holding the item, never verified", () => {
    expect(custodyState([event({})])).toEqual({
      status: "IN_CUSTODY",
      holder: "Riley Responder",
      lastVerification: null,
      everMismatched: false,
    });
  });

  it("follows transfers, whatever order the events are given in", () => {
    const collected = event({});
    const toLab = event({ action: "TRANSFERRED", fromParty: "Riley Responder", toParty: "Forensics lab" });
    const toLegal = event({ action: "TRANSFERRED", fromParty: "Forensics lab", toParty: "Legal" });
    expect(custodyState([toLegal, collected, toLab]).holder).toBe("Legal");
  });

  it("keeps a mismatch for good, even after a later verification matched", () => {
    const mismatch = event({ action: "VERIFIED", matched: false });
    const match = event({ action: "VERIFIED", matched: true });
    const state = custodyState([event({}), mismatch, match]);
    expect(state.lastVerification).toEqual({ at: match.at, matched: true });
    expect(state.everMismatched).toBe(true);
  });

  it("ignores accesses, and ends custody at release or disposal", () => {
    expect(custodyState([event({}), event({ action: "ACCESSED", actorName: "Avery Auditor" })]).holder).toBe("Riley Responder");
    expect(custodyState([event({}), event({ action: "RELEASED" })]).status).toBe("RELEASED");
    expect(custodyState([event({}), event({ action: "RELEASED" }), event({ action: "DISPOSED" })]).status).toBe("DISPOSED");
  });
});

describe("custodyRefusal", () => {
  const held = custodyState([event({})]);
  it("allows transfer, release and disposal of an item in custody", () => {
    expect(custodyRefusal(held, "TRANSFERRED")).toBeNull();
    expect(custodyRefusal(held, "RELEASED")).toBeNull();
    expect(custodyRefusal(held, "DISPOSED")).toBeNull();
  });

  it("refuses anything more once the item has left custody", () => {
    const released = custodyState([event({}), event({ action: "RELEASED" })]);
    const disposed = custodyState([event({}), event({ action: "DISPOSED" })]);
    for (const action of ["TRANSFERRED", "RELEASED", "DISPOSED"] as const) {
      expect(custodyRefusal(released, action)).toMatch(/released/);
      expect(custodyRefusal(disposed, action)).toMatch(/disposed/);
    }
  });

  it("refuses a transfer of an item nobody holds", () => {
    expect(custodyRefusal(custodyState([]), "TRANSFERRED")).toMatch(/Nobody holds/);
  });
});
