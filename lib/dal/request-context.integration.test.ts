import { beforeEach, describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/dal/audit";
import { originFromHeaders, requestIdOf, withRequestOrigin } from "@/lib/dal/request-context";
import { resetTables, testDb } from "@/tests/support/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Writes one audit row from a request carrying `requestId`, and reads back what the chain stored. */
async function storedRequestId(requestId: string): Promise<string | null> {
  const headers = new Headers({ "x-forwarded-for": "192.0.2.1", "x-request-id": requestId });
  await withRequestOrigin(headers, () =>
    testDb().$transaction((tx) => appendAuditEvent(tx, { actorEmail: "probe", action: "probe.request_id", targetType: "Probe" })),
  );
  const row = await testDb().auditEvent.findFirstOrThrow({ where: { action: "probe.request_id" }, orderBy: { seq: "desc" } });
  return row.requestId;
}

beforeEach(async () => {
  await resetTables("AuditEvent");
});

describe("the request id in the audit chain", () => {
  it("keeps a well-formed id a client or proxy sent", async () => {
    expect(await storedRequestId("7f0c2a4e-1b9d-4c55-9e0f-3a2b1c0d9e8f")).toBe("7f0c2a4e-1b9d-4c55-9e0f-3a2b1c0d9e8f");
    expect(await storedRequestId("01JDX3K9ZQ.trace:span_42")).toBe("01JDX3K9ZQ.trace:span_42");
  });

  it("replaces a 7,007-character id with a generated one instead of storing it", async () => {
    const stored = await storedRequestId("A".repeat(7007));
    expect(stored).toMatch(UUID);
    expect(await storedRequestId("x".repeat(129))).toMatch(UUID);
    expect(await storedRequestId("x".repeat(128))).toBe("x".repeat(128));
  });

  it("replaces ids with spaces, markup or control characters", async () => {
    for (const sent of ["two words", "<script>alert(1)</script>", "id\ttab", "caf\u00e9", ""]) {
      expect(await storedRequestId(sent), JSON.stringify(sent)).toMatch(UUID);
    }
  });

  it("generates one when none is sent", () => {
    expect(originFromHeaders(new Headers()).requestId).toMatch(UUID);
    expect(requestIdOf(null)).not.toBe(requestIdOf(null));
  });
});
