import { beforeEach, describe, expect, it } from "vitest";
import { changeUserRole, createUser, listUsers, resetUserPassword, setUserActive } from "@/lib/dal/users";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/dal/errors";
import { verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

let admin: Actor;

beforeEach(async () => {
  await resetTables("AuditEvent", "Contact", "User");
  admin = await makeActor("ADMIN");
});

describe("user management", () => {
  it("creates a user with a hashed password and audits it", async () => {
    const user = await createUser(admin, { email: "dana@example.com", name: "Dana", role: "RESPONDER", password: "correct horse battery" });
    const row = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).not.toContain("correct horse");
    expect(await verifyPassword(row.passwordHash, "correct horse battery")).toBe(true);
    expect(user).not.toHaveProperty("passwordHash");
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "user.create" } });
    expect(audit).toMatchObject({ actorId: admin.id, targetId: user.id, outcome: "SUCCESS" });
    expect(JSON.stringify(audit.after)).not.toContain("passwordHash");
  });

  it("refuses a duplicate email with a clear message", async () => {
    await createUser(admin, { email: "dup@example.com", name: "A", role: "AUDITOR", password: "x".repeat(12) });
    await expect(
      createUser(admin, { email: "dup@example.com", name: "B", role: "AUDITOR", password: "x".repeat(12) }),
    ).rejects.toThrow(ValidationError);
  });

  it("refuses every other role, and audits the refusal", async () => {
    for (const role of ["IR_MANAGER", "RESPONDER", "AUDITOR"] as const) {
      const actor = await makeActor(role);
      await expect(listUsers(actor)).rejects.toThrow(ForbiddenError);
      await expect(
        createUser(actor, { email: `x-${role}@example.com`, name: "X", role: "ADMIN", password: "x".repeat(12) }),
      ).rejects.toThrow(ForbiddenError);
    }
    expect(await testDb().auditEvent.count({ where: { outcome: "DENIED", action: "denied.users.manage" } })).toBe(6);
    expect(await testDb().user.count({ where: { email: { startsWith: "x-" } } })).toBe(0);
  });

  it("changes a role with the version the form was loaded at, and rejects a stale one naming who changed it", async () => {
    const target = await makeActor("RESPONDER");
    const loaded = await testDb().user.findUniqueOrThrow({ where: { id: target.id } });
    const changed = await changeUserRole(admin, { id: target.id, version: loaded.version, role: "IR_MANAGER" });
    expect(changed).toMatchObject({ role: "IR_MANAGER", version: loaded.version + 1 });
    const stale = changeUserRole(admin, { id: target.id, version: loaded.version, role: "AUDITOR" });
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(stale).rejects.toThrow(admin.email);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("IR_MANAGER");
  });

  it("lets exactly one of two simultaneous edits win", async () => {
    const target = await makeActor("RESPONDER");
    const results = await Promise.allSettled([
      changeUserRole(admin, { id: target.id, version: 0, role: "AUDITOR" }),
      changeUserRole(admin, { id: target.id, version: 0, role: "IR_MANAGER" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);
  });

  it("deactivation and password resets end existing sessions; role changes do not", async () => {
    const target = await makeActor("RESPONDER");
    const epoch = async () => (await testDb().user.findUniqueOrThrow({ where: { id: target.id } })).sessionEpoch;
    await changeUserRole(admin, { id: target.id, version: 0, role: "AUDITOR" });
    expect(await epoch()).toBe(0);
    await setUserActive(admin, { id: target.id, version: 1, active: false });
    expect(await epoch()).toBe(1);
    await setUserActive(admin, { id: target.id, version: 2, active: true });
    await resetUserPassword(admin, { id: target.id, version: 3, password: "a brand new password" });
    expect(await epoch()).toBe(3);
  });

  it("never leaves the portal without an active admin", async () => {
    await expect(setUserActive(admin, { id: admin.id, version: 0, active: false })).rejects.toThrow(/last active admin/);
    await expect(changeUserRole(admin, { id: admin.id, version: 0, role: "AUDITOR" })).rejects.toThrow(/last active admin/);
    const second = await makeActor("ADMIN");
    await expect(setUserActive(second, { id: admin.id, version: 0, active: false })).resolves.toMatchObject({ active: false });
  });
});
