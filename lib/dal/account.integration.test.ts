import { beforeEach, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { changeOwnPassword } from "@/lib/dal/account";
import { ValidationError } from "@/lib/dal/errors";
import type { Actor } from "@/lib/domain/roles";
import { resetTables, testDb } from "@/tests/support/db";

const CURRENT = "the one-time password given";
let actor: Actor;

beforeEach(async () => {
  await resetTables("AuditEvent", "SignInThrottle", "User");
  actor = await testDb().user.create({
    data: {
      email: "dana@example.com",
      name: "Dana Whitfield",
      role: "RESPONDER",
      passwordHash: await hashPassword(CURRENT),
      mustChangePassword: true,
    },
    select: { id: true, email: true, name: true, role: true },
  });
});

const row = () => testDb().user.findUniqueOrThrow({ where: { id: actor.id } });

describe("changing one's own password", () => {
  it("needs the current password, then replaces it, clears the one-time flag and ends the other sessions", async () => {
    await changeOwnPassword(actor, { currentPassword: CURRENT, newPassword: "a passphrase of my own" });
    const after = await row();
    expect(await verifyPassword(after.passwordHash, "a passphrase of my own")).toBe(true);
    expect(after).toMatchObject({ mustChangePassword: false, sessionEpoch: 1, version: 1 });
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "user.change_own_password" } });
    expect(audit).toMatchObject({ actorId: actor.id, targetId: actor.id, outcome: "SUCCESS" });
    expect(JSON.stringify(audit.after)).not.toContain("passphrase");
  });

  it("refuses a wrong current password, audits it and changes nothing", async () => {
    const attempt = changeOwnPassword(actor, { currentPassword: "a guess", newPassword: "a passphrase of my own" });
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { currentPassword: ["That is not your current password"] } });
    expect(await row()).toMatchObject({ mustChangePassword: true, sessionEpoch: 0 });
    expect(await testDb().auditEvent.findFirstOrThrow({ where: { action: "user.change_own_password" } })).toMatchObject({
      outcome: "FAILURE",
    });
  });

  it("throttles guesses at the current password like sign-ins", async () => {
    for (let i = 0; i < 5; i++)
      await changeOwnPassword(actor, { currentPassword: `guess ${i}`, newPassword: "a passphrase of my own" }).catch(() => {});
    await expect(changeOwnPassword(actor, { currentPassword: CURRENT, newPassword: "a passphrase of my own" })).rejects.toThrow(
      /Too many wrong passwords/,
    );
    expect((await row()).mustChangePassword).toBe(true);
    expect(await testDb().auditEvent.count({ where: { action: "user.change_own_password", outcome: "DENIED" } })).toBe(1);
  });

  it("refuses the same, a common or a personal password by the new-password field", async () => {
    for (const newPassword of [CURRENT, "qwertyuiop123", "DanaWhitfield!!"]) {
      const attempt = changeOwnPassword(actor, { currentPassword: CURRENT, newPassword });
      await expect(attempt, newPassword).rejects.toThrow(ValidationError);
      await expect(attempt).rejects.toMatchObject({ fieldErrors: { newPassword: [expect.any(String)] } });
    }
    expect(await row()).toMatchObject({ mustChangePassword: true, sessionEpoch: 0 });
  });
});
