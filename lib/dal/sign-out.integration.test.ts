import { beforeEach, describe, expect, it } from "vitest";
import { recordSignOut } from "@/lib/dal/sign-out";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

beforeEach(async () => {
  await resetTables("AuditEvent", "User");
});

describe("signing out on the server", () => {
  it("ends every session of the token's epoch and audits it once", async () => {
    const user = await makeActor("RESPONDER");
    await recordSignOut({ userId: user.id, epoch: 0 });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionEpoch).toBe(1);
    // The same (copied) token signing out again changes nothing and is not audited twice.
    await recordSignOut({ userId: user.id, epoch: 0 });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionEpoch).toBe(1);
    const audit = await testDb().auditEvent.findMany({ where: { action: "auth.sign_out" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, targetId: user.id, outcome: "SUCCESS" });
  });

  it("ignores a token for an account that no longer exists", async () => {
    await expect(recordSignOut({ userId: "no-such-user", epoch: 0 })).resolves.toBeUndefined();
    expect(await testDb().auditEvent.count()).toBe(0);
  });
});
