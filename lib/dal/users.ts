import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { staleVersionConflict } from "@/lib/dal/versioning";
import type { Actor } from "@/lib/domain/roles";
import type { UserDto } from "@/lib/dto/users";
import type { z } from "zod";
import type { CreateUserInput, UserListFilter } from "@/lib/validation/users";

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  mustChangePassword: true,
  sessionEpoch: true,
  lastSignInAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.UserSelect;

export const USER_PAGE_SIZE = 50;

export async function listUsers(
  actor: Actor,
  filter: Partial<z.output<typeof UserListFilter>> = {},
): Promise<{ users: UserDto[]; total: number; page: number; pages: number }> {
  await authorize(actor, "users.manage", { type: "User" });
  const where: Prisma.UserWhereInput = {
    role: filter.role,
    active: filter.status ? filter.status === "active" : undefined,
    OR: filter.q
      ? [{ email: { contains: filter.q, mode: "insensitive" } }, { name: { contains: filter.q, mode: "insensitive" } }]
      : undefined,
  };
  const total = await db().user.count({ where });
  const pages = Math.max(1, Math.ceil(total / USER_PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pages);
  const users = await db().user.findMany({
    where,
    orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
    skip: (page - 1) * USER_PAGE_SIZE,
    take: USER_PAGE_SIZE,
    select: userSelect,
  });
  return { users, total, page, pages };
}

/** A new password must pass the policy (lib/auth/password-policy.ts); the message sits by `field`. */
export function assertAcceptablePassword(password: string, account: { email: string; name: string }, field = "password"): void {
  const problem = passwordProblem(password, account);
  if (problem) throw new ValidationError("Please correct the highlighted fields.", { [field]: [problem] });
}

/**
 * The initial password is one the admin knows, so the new user must replace it at first sign-in
 * (lib/auth/session.ts sends them to the change page until then).
 */
export async function createUser(actor: Actor, input: z.output<typeof CreateUserInput>): Promise<UserDto> {
  await authorize(actor, "users.manage", { type: "User" });
  assertAcceptablePassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ValidationError("A user with that email already exists.", { email: ["Already in use"] });
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash, mustChangePassword: true },
      select: userSelect,
    });
    await appendAuditEvent(tx, { actor, action: "user.create", targetType: "User", targetId: user.id, after: user });
    return user;
  });
}

/** Loads the row for a versioned update, or explains who changed it since the form was loaded. */
async function loadForUpdate(tx: Tx, id: string, version: number): Promise<UserDto> {
  const user = await tx.user.findUnique({ where: { id }, select: userSelect });
  if (!user) throw new NotFoundError();
  if (user.version !== version) throw await staleVersionConflict(tx, { type: "User", id, label: user.email });
  return user;
}

/**
 * Keeps at least one active admin, so nobody can lock the portal's administration out. The active
 * admins' rows are locked first: two admins demoting or deactivating each other at once queue
 * here, and the second sees the first one's change (a plain count would let both pass and leave
 * no admin). FOR UPDATE re-checks its condition on rows changed meanwhile, so a just-deactivated
 * admin is no longer counted.
 */
async function assertAnotherActiveAdmin(tx: Tx, excludingId: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "active" ORDER BY "id" FOR UPDATE`;
  if (!admins.some((a) => a.id !== excludingId))
    throw new ValidationError("This is the last active admin; make someone else an admin first.");
}

async function updateUser(
  actor: Actor,
  target: { id: string; version: number },
  action: string,
  change: (tx: Tx, before: UserDto) => Promise<Prisma.UserUpdateInput>,
): Promise<UserDto> {
  await authorize(actor, "users.manage", { type: "User", id: target.id });
  return db().$transaction(async (tx) => {
    const before = await loadForUpdate(tx, target.id, target.version);
    const data = await change(tx, before);
    // The version in the WHERE makes a racing writer miss instead of overwrite.
    const updated = await tx.user.updateMany({
      where: { id: target.id, version: target.version },
      data: { ...data, updatedById: actor.id, version: { increment: 1 } } as Prisma.UserUncheckedUpdateManyInput,
    });
    if (updated.count !== 1) throw new ConflictError("Someone else changed this user at the same moment. Reload and try again.");
    const after = await tx.user.findUniqueOrThrow({ where: { id: target.id }, select: userSelect });
    await appendAuditEvent(tx, { actor, action, targetType: "User", targetId: target.id, before, after });
    return after;
  });
}

export function changeUserRole(actor: Actor, input: { id: string; version: number; role: Role }) {
  return updateUser(actor, input, "user.change_role", async (tx, before) => {
    if (before.role === "ADMIN" && input.role !== "ADMIN") await assertAnotherActiveAdmin(tx, before.id);
    return { role: input.role };
  });
}

export function setUserActive(actor: Actor, input: { id: string; version: number; active: boolean }) {
  return updateUser(actor, input, input.active ? "user.reactivate" : "user.deactivate", async (tx, before) => {
    if (!input.active && before.role === "ADMIN") await assertAnotherActiveAdmin(tx, before.id);
    return { active: input.active, sessionEpoch: { increment: 1 } };
  });
}

/** An admin-set password is known to the admin: it ends the user's sessions and must be replaced at their next sign-in. */
export async function resetUserPassword(actor: Actor, input: { id: string; version: number; password: string }) {
  await authorize(actor, "users.manage", { type: "User", id: input.id });
  const target = await db().user.findUnique({ where: { id: input.id }, select: { email: true, name: true } });
  if (!target) throw new NotFoundError();
  assertAcceptablePassword(input.password, target);
  const passwordHash = await hashPassword(input.password);
  return updateUser(actor, input, "user.reset_password", async () => ({
    passwordHash,
    mustChangePassword: true,
    sessionEpoch: { increment: 1 },
  }));
}

/**
 * Signs the user out everywhere without changing the account (a lost laptop, a copied cookie):
 * every session issued before this stops at its next request (lib/auth/session.ts).
 */
export function endUserSessions(actor: Actor, input: { id: string; version: number }) {
  return updateUser(actor, input, "user.end_sessions", async () => ({ sessionEpoch: { increment: 1 } }));
}
