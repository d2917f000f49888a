import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { assertOneRowUpdated, staleVersionConflict } from "@/lib/dal/versioning";
import { dutiesNamed, reviewStaleCutoff } from "@/lib/domain/contacts";
import type { Actor } from "@/lib/domain/roles";
import type { ContactDto, ContactOptionDto, ContactPageDto, ContactUsageDto, LinkableUserDto } from "@/lib/dto/contacts";
import { CONTACT_PAGE_SIZE, type ContactFieldsValue, type ContactListFilterValue } from "@/lib/validation/contacts";

// Contacts are never deleted: ownerships, plan roles, escalation tiers, incidents and exercises
// refer to them, and the record must still say who was engaged. Deactivate instead.

const contactSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  team: true,
  title: true,
  notes: true,
  active: true,
  lastReviewedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  user: { select: { id: true, email: true, name: true } },
} satisfies Prisma.ContactSelect;

function listWhere(filter: ContactListFilterValue, now: Date): Prisma.ContactWhereInput {
  const and: Prisma.ContactWhereInput[] = [];
  if (filter.q) {
    const contains = { contains: filter.q, mode: "insensitive" } as const;
    and.push({ OR: [{ name: contains }, { email: contains }, { team: contains }, { title: contains }] });
  }
  if (filter.team) and.push({ team: { equals: filter.team, mode: "insensitive" } });
  if (filter.stale) and.push({ OR: [{ lastReviewedAt: null }, { lastReviewedAt: { lt: reviewStaleCutoff(now) } }] });
  if (filter.status !== "all") and.push({ active: filter.status === "active" });
  return { AND: and };
}

/** One page of the contact list, active people first; a page past the end shows the last page. */
export async function listContacts(actor: Actor, filter: ContactListFilterValue, now = new Date()): Promise<ContactPageDto> {
  await authorize(actor, "plan.read", { type: "Contact" });
  const where = listWhere(filter, now);
  const total = await db().contact.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / CONTACT_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const contacts = await db().contact.findMany({
    where,
    orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
    skip: (page - 1) * CONTACT_PAGE_SIZE,
    take: CONTACT_PAGE_SIZE,
    select: contactSelect,
  });
  return { contacts, total, page, pageSize: CONTACT_PAGE_SIZE, pageCount };
}

/** The teams contacts belong to, for the team filter. */
export async function listContactTeams(actor: Actor): Promise<string[]> {
  await authorize(actor, "plan.read", { type: "Contact" });
  const rows = await db().contact.findMany({
    where: { team: { not: null } },
    distinct: ["team"],
    orderBy: { team: "asc" },
    select: { team: true },
  });
  return rows.flatMap((r) => (r.team ? [r.team] : []));
}

/** Active contacts for the pickers of plan roles and escalation tiers. */
export async function listActiveContactOptions(actor: Actor): Promise<ContactOptionDto[]> {
  await authorize(actor, "plan.read", { type: "Contact" });
  return db().contact.findMany({
    where: { active: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, team: true, title: true },
  });
}

export async function getContactOrThrow(actor: Actor, id: string): Promise<ContactDto & { usage: ContactUsageDto }> {
  await authorize(actor, "plan.read", { type: "Contact", id });
  const contact = await db().contact.findUnique({ where: { id }, select: contactSelect });
  if (!contact) throw new NotFoundError("No such contact.");
  return { ...contact, usage: await describeContactUsage(db(), id) };
}

/**
 * Users who could be linked to a contact: active users without a contact of their own, plus the
 * one already linked to `contactId` (so the edit form can show it).
 */
export async function listLinkableUsers(actor: Actor, contactId?: string): Promise<LinkableUserDto[]> {
  await authorize(actor, "plan.edit", { type: "Contact", id: contactId ?? null });
  return db().user.findMany({
    where: { OR: [{ active: true, contact: { is: null } }, ...(contactId ? [{ contact: { is: { id: contactId } } }] : [])] },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, email: true, name: true },
  });
}

/** A user account can belong to one contact only; linking someone else's is refused by name. */
async function assertLinkableUser(tx: Tx, userId: string | null, contactId: string | null): Promise<void> {
  if (!userId) return;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, contact: { select: { id: true, name: true } } } });
  if (!user) throw new ValidationError("That user account does not exist.", { userId: ["Choose a user from the list"] });
  if (user.contact && user.contact.id !== contactId) {
    throw new ValidationError(`${user.email} is already linked to ${user.contact.name}.`, {
      userId: ["Already linked to another contact"],
    });
  }
}

async function assertEmailFree(tx: Tx, email: string, contactId: string | null): Promise<void> {
  const other = await tx.contact.findUnique({ where: { email }, select: { id: true, name: true } });
  if (other && other.id !== contactId) {
    throw new ValidationError(`${other.name} already has that email address.`, { email: ["Already used by another contact"] });
  }
}

/** A unique index beat the pre-check (two saves at once): say so instead of failing obscurely. */
function uniqueViolationAsValidation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new ValidationError("Another contact with that email or user account was just saved. Reload and check.");
  }
  throw error;
}

export async function createContact(actor: Actor, input: ContactFieldsValue): Promise<ContactDto> {
  await authorize(actor, "plan.edit", { type: "Contact" });
  return db()
    .$transaction(async (tx) => {
      await assertEmailFree(tx, input.email, null);
      await assertLinkableUser(tx, input.userId, null);
      const contact = await tx.contact.create({ data: input, select: contactSelect });
      await appendAuditEvent(tx, { actor, action: "contact.create", targetType: "Contact", targetId: contact.id, after: contact });
      return contact;
    })
    .catch(uniqueViolationAsValidation);
}

/** The shared shape of every versioned contact change: check version, write, audit, all in one transaction. */
async function changeContact<T = undefined>(
  actor: Actor,
  target: { id: string; version: number },
  action: string,
  change: (tx: Tx, before: ContactDto) => Promise<{ data: Prisma.ContactUncheckedUpdateManyInput; extra?: T }>,
): Promise<{ contact: ContactDto; extra?: T }> {
  await authorize(actor, "plan.edit", { type: "Contact", id: target.id });
  return db()
    .$transaction(async (tx) => {
      const before = await tx.contact.findUnique({ where: { id: target.id }, select: contactSelect });
      if (!before) throw new NotFoundError("No such contact.");
      if (before.version !== target.version) throw await staleVersionConflict(tx, { type: "Contact", id: target.id, label: before.name });
      const { data, extra } = await change(tx, before);
      const updated = await tx.contact.updateMany({
        where: { id: target.id, version: target.version },
        data: { ...data, updatedById: actor.id, version: { increment: 1 } },
      });
      assertOneRowUpdated(updated.count, before.name);
      const contact = await tx.contact.findUniqueOrThrow({ where: { id: target.id }, select: contactSelect });
      await appendAuditEvent(tx, { actor, action, targetType: "Contact", targetId: target.id, before, after: contact });
      return { contact, extra };
    })
    .catch(uniqueViolationAsValidation);
}

export async function updateContact(actor: Actor, input: { id: string; version: number } & ContactFieldsValue): Promise<ContactDto> {
  const { id, version, ...fields } = input;
  const { contact } = await changeContact(actor, { id, version }, "contact.update", async (tx) => {
    await assertEmailFree(tx, fields.email, id);
    await assertLinkableUser(tx, fields.userId, id);
    return { data: fields };
  });
  return contact;
}

/**
 * Deactivating is allowed even while the contact still owns scopes or fills roles: the plan keeps
 * naming them (history stays true) and the result lists what they leave uncovered, which the
 * readiness score shows as a gap until a manager names a replacement.
 */
export async function setContactActive(
  actor: Actor,
  input: { id: string; version: number; active: boolean },
): Promise<{ contact: ContactDto; leftUncovered: string[] }> {
  const action = input.active ? "contact.reactivate" : "contact.deactivate";
  const { contact, extra } = await changeContact(actor, input, action, async (tx) => ({
    data: { active: input.active },
    extra: input.active ? [] : dutiesNamed(await describeContactUsage(tx, input.id)),
  }));
  return { contact, leftUncovered: extra ?? [] };
}

async function describeContactUsage(client: Db | Tx, contactId: string): Promise<ContactUsageDto> {
  // One after another: inside a transaction the queries share one connection.
  const ownerships = await client.ownership.findMany({
    where: { contactId },
    orderBy: [{ role: "asc" }, { rank: "asc" }],
    select: {
      id: true,
      role: true,
      rank: true,
      cluster: { select: { name: true } },
      namespace: { select: { name: true, cluster: { select: { name: true } } } },
      workload: { select: { name: true, namespace: { select: { name: true, cluster: { select: { name: true } } } } } },
    },
  });
  const memberships = await client.planRoleMember.findMany({
    where: { contactId },
    orderBy: { rank: "asc" },
    select: { rank: true, planRole: { select: { kind: true, name: true } } },
  });
  const targets = await client.escalationTarget.findMany({
    where: { contactId },
    select: { tier: { select: { position: true, waitMinutes: true, policy: { select: { severity: true } } } } },
  });
  return {
    ownerships: ownerships.map((o) => ({
      id: o.id,
      role: o.role,
      rank: o.rank,
      // Scopes read as cluster/namespace/workload, the way kubectl users say them.
      scope: o.workload
        ? `${o.workload.namespace.cluster.name}/${o.workload.namespace.name}/${o.workload.name}`
        : o.namespace
          ? `${o.namespace.cluster.name}/${o.namespace.name}`
          : (o.cluster?.name ?? "unknown scope"),
    })),
    planRoles: memberships.map((m) => ({ kind: m.planRole.kind, name: m.planRole.name, rank: m.rank })),
    escalationTiers: targets
      .map((t) => ({ severity: t.tier.policy.severity, position: t.tier.position, waitMinutes: t.tier.waitMinutes }))
      .sort((a, b) => a.severity.localeCompare(b.severity) || a.position - b.position),
  };
}

/** Confirms the contact's details are current as of now. */
export async function markContactReviewed(actor: Actor, input: { id: string; version: number }, now = new Date()): Promise<ContactDto> {
  const { contact } = await changeContact(actor, input, "contact.mark_reviewed", async () => ({ data: { lastReviewedAt: now } }));
  return contact;
}
