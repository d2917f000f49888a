import { beforeEach, describe, expect, it } from "vitest";
import { changeUserRole, createUser, endUserSessions, listUsers, resetUserPassword, setUserActive } from "@/lib/dal/users";
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
    // The admin knows the initial password: the user must replace it at first sign-in.
    expect(row.mustChangePassword).toBe(true);
  });

  it("refuses common, repetitive or personal passwords by the field", async () => {
    for (const password of ["qwertyuiop123", "Password2024!", "aaaaaaaaaaaaaaaa", "dana.whitfield-2026"]) {
      const attempt = createUser(admin, { email: "dana.whitfield@example.com", name: "Dana Whitfield", role: "RESPONDER", password });
      await expect(attempt, password).rejects.toThrow(ValidationError);
      await expect(attempt).rejects.toMatchObject({ fieldErrors: { password: [expect.any(String)] } });
    }
    const target = await makeActor("RESPONDER");
    await expect(resetUserPassword(admin, { id: target.id, version: 0, password: "letmein-letmein" })).rejects.toThrow(ValidationError);
    expect(await testDb().user.count({ where: { email: "dana.whitfield@example.com" } })).toBe(0);
  });

  it("refuses a duplicate email with a clear message", async () => {
    await createUser(admin, { email: "dup@example.com", name: "A", role: "AUDITOR", password: "a-long-enough-password" });
    await expect(
      createUser(admin, { email: "dup@example.com", name: "B", role: "AUDITOR", password: "a-long-enough-password" }),
    ).rejects.toThrow(ValidationError);
  });

  it("refuses every other role, and audits the refusal", async () => {
    for (const role of ["IR_MANAGER", "RESPONDER", "AUDITOR"] as const) {
      const actor = await makeActor(role);
      await expect(listUsers(actor)).rejects.toThrow(ForbiddenError);
      await expect(
        createUser(actor, { email: `x-${role}@example.com`, name: "X", role: "ADMIN", password: "a-long-enough-password" }),
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
    expect((await testDb().user.findUniqueOrThrow({ where: { id: target.id } })).mustChangePassword).toBe(true);
  });

  it("ends a user's sessions without changing the account, and audits it", async () => {
    const target = await makeActor("RESPONDER");
    const before = await testDb().user.findUniqueOrThrow({ where: { id: target.id } });
    const after = await endUserSessions(admin, { id: target.id, version: 0 });
    expect(after).toMatchObject({ sessionEpoch: before.sessionEpoch + 1, role: "RESPONDER", active: true, mustChangePassword: false });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash).toBe(before.passwordHash);
    expect(await testDb().auditEvent.findFirstOrThrow({ where: { action: "user.end_sessions" } })).toMatchObject({
      actorId: admin.id,
      targetId: target.id,
    });
    const responder = await makeActor("RESPONDER");
    await expect(endUserSessions(responder, { id: target.id, version: 1 })).rejects.toThrow(ForbiddenError);
  });

  it("never leaves the portal without an active admin", async () => {
    await expect(setUserActive(admin, { id: admin.id, version: 0, active: false })).rejects.toThrow(/last active admin/);
    await expect(changeUserRole(admin, { id: admin.id, version: 0, role: "AUDITOR" })).rejects.toThrow(/last active admin/);
    const second = await makeActor("ADMIN");
    await expect(setUserActive(second, { id: admin.id, version: 0, active: false })).resolves.toMatchObject({ active: false });
  });

  it("keeps one active admin when two admins remove each other at the same moment", async () => {
    for (let round = 0; round < 10; round++) {
      await resetTables("AuditEvent", "User");
      const [a, b] = [await makeActor("ADMIN"), await makeActor("ADMIN")];
      // Both kinds of removal, racing across the two targets (the version check cannot help: different rows).
      const results = await Promise.allSettled(
        round % 2 === 0
          ? [setUserActive(a, { id: b.id, version: 0, active: false }), setUserActive(b, { id: a.id, version: 0, active: false })]
          : [changeUserRole(a, { id: b.id, version: 0, role: "RESPONDER" }), setUserActive(b, { id: a.id, version: 0, active: false })],
      );
      expect(
        results.filter((r) => r.status === "fulfilled"),
        `round ${round}`,
      ).toHaveLength(1);
      const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
      expect(refused.reason).toBeInstanceOf(ValidationError);
      expect(String(refused.reason.message)).toMatch(/last active admin/);
      expect(await testDb().user.count({ where: { role: "ADMIN", active: true } }), `round ${round}`).toBe(1);
    }
  });
});
