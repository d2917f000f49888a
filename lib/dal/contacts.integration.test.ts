import { beforeEach, describe, expect, it } from "vitest";
import * as contactsDal from "@/lib/dal/contacts";
import {
  createContact,
  getContactOrThrow,
  listContacts,
  listContactTeams,
  listLinkableUsers,
  markContactReviewed,
  setContactActive,
  updateContact,
} from "@/lib/dal/contacts";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/dal/errors";
import type { Actor } from "@/lib/domain/roles";
import { ContactListFilter, CreateContactInput } from "@/lib/validation/contacts";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

let manager: Actor;

const fields = (over: Partial<Record<string, string>> = {}) =>
  CreateContactInput.parse({
    name: "Aisha Bello",
    email: "aisha@example.com",
    phone: "+44 20 7946 0318",
    team: "Payments DevOps",
    title: "Lead DevOps Engineer",
    ...over,
  });
const filter = (over: Record<string, string> = {}) => ContactListFilter.parse(over);
const DAY = 24 * 60 * 60 * 1000;

beforeEach(async () => {
  await resetTables("AuditEvent", "EscalationPolicy", "PlanRole", "Ownership", "Workload", "Namespace", "Cluster", "Contact", "User");
  manager = await makeActor("IR_MANAGER", "manager");
});

describe("contacts", () => {
  it("creates a contact, audits it, and refuses a second contact with the same email", async () => {
    const contact = await createContact(manager, fields());
    expect(contact).toMatchObject({
      name: "Aisha Bello",
      email: "aisha@example.com",
      active: true,
      lastReviewedAt: null,
      version: 0,
      user: null,
    });
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "contact.create" } });
    expect(audit).toMatchObject({ actorId: manager.id, targetType: "Contact", targetId: contact.id, outcome: "SUCCESS" });
    const duplicate = createContact(manager, fields({ name: "Someone Else", email: "AISHA@example.com" }));
    await expect(duplicate).rejects.toThrow(ValidationError);
    await expect(duplicate).rejects.toMatchObject({ fieldErrors: { email: ["Already used by another contact"] } });
  });

  it("edits with the loaded version and names who changed it when the version is stale", async () => {
    const contact = await createContact(manager, fields());
    const colleague = await makeActor("IR_MANAGER", "colleague");
    const edited = await updateContact(colleague, {
      id: contact.id,
      version: 0,
      ...fields({ phone: "+44 20 7946 0999", notes: "On call Tuesdays" }),
    });
    expect(edited).toMatchObject({ phone: "+44 20 7946 0999", notes: "On call Tuesdays", version: 1 });
    const stale = updateContact(manager, { id: contact.id, version: 0, ...fields({ title: "Head of DevOps" }) });
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(stale).rejects.toThrow(new RegExp(`changed by ${colleague.email} at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC`));
    expect((await testDb().contact.findUniqueOrThrow({ where: { id: contact.id } })).title).toBe("Lead DevOps Engineer");
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "contact.update" } });
    expect(audit.before).toMatchObject({ phone: "+44 20 7946 0318" });
    expect(audit.after).toMatchObject({ phone: "+44 20 7946 0999" });
  });

  it("lets exactly one of two simultaneous edits win", async () => {
    const contact = await createContact(manager, fields());
    const results = await Promise.allSettled([
      updateContact(manager, { id: contact.id, version: 0, ...fields({ team: "A" }) }),
      updateContact(manager, { id: contact.id, version: 0, ...fields({ team: "B" }) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected[0]?.reason).toBeInstanceOf(ConflictError);
  });

  it("links a user account once, and offers only users without a contact", async () => {
    const user = await makeActor("RESPONDER", "aisha");
    const other = await makeActor("AUDITOR", "other");
    expect((await listLinkableUsers(manager)).map((u) => u.id)).toEqual(expect.arrayContaining([user.id, other.id, manager.id]));
    const contact = await createContact(manager, fields({ userId: user.id }));
    expect(contact.user).toEqual({ id: user.id, email: user.email, name: user.name });
    expect((await listLinkableUsers(manager)).map((u) => u.id)).not.toContain(user.id);
    expect((await listLinkableUsers(manager, contact.id)).map((u) => u.id)).toContain(user.id);
    await expect(createContact(manager, fields({ email: "x@example.com", userId: user.id }))).rejects.toMatchObject({
      fieldErrors: { userId: ["Already linked to another contact"] },
    });
    const unlinked = await updateContact(manager, { id: contact.id, version: 0, ...fields({ userId: "" }) });
    expect(unlinked.user).toBeNull();
  });

  it("deactivates a contact who still owns a scope and fills a role, warning what it leaves uncovered", async () => {
    const kenji = await createContact(manager, fields({ name: "Kenji Watanabe", email: "kenji@example.com" }));
    const cluster = await testDb().cluster.create({
      data: { name: "prod-eu", provider: "EKS", runtime: "CONTAINERD", environment: "PRODUCTION", criticality: "CRITICAL" },
    });
    const namespace = await testDb().namespace.create({ data: { clusterId: cluster.id, name: "data-pipeline" } });
    await testDb().ownership.create({ data: { role: "SECONDARY", contactId: kenji.id, namespaceId: namespace.id } });
    await testDb().planRole.create({
      data: { kind: "DEVOPS_SECONDARY", name: "DevOps secondary owner", members: { create: { contactId: kenji.id, rank: 1 } } },
    });
    await testDb().escalationPolicy.create({
      data: {
        severity: "SEV2",
        name: "SEV2",
        tiers: { create: { position: 2, waitMinutes: 15, targets: { create: { contactId: kenji.id } } } },
      },
    });

    const { contact, leftUncovered } = await setContactActive(manager, { id: kenji.id, version: 0, active: false });
    expect(contact).toMatchObject({ active: false, version: 1 });
    expect(leftUncovered).toEqual([
      "secondary owner of prod-eu/data-pipeline",
      "DevOps secondary owner (backup 1)",
      "SEV2 escalation tier 2",
    ]);
    // Never deleted: the plan still names them, so history and the readiness gap stay visible.
    const detail = await getContactOrThrow(manager, kenji.id);
    expect(detail.usage).toEqual({
      ownerships: [{ id: expect.any(String), role: "SECONDARY", scope: "prod-eu/data-pipeline", rank: 0 }],
      planRoles: [{ kind: "DEVOPS_SECONDARY", name: "DevOps secondary owner", rank: 1 }],
      escalationTiers: [{ severity: "SEV2", position: 2, waitMinutes: 15 }],
    });
    await expect(setContactActive(manager, { id: kenji.id, version: 0, active: true })).rejects.toThrow(ConflictError);
    const back = await setContactActive(manager, { id: kenji.id, version: 1, active: true });
    expect(back).toMatchObject({ contact: { active: true, version: 2 }, leftUncovered: [] });
    const actions = await testDb().auditEvent.findMany({
      where: { targetId: kenji.id },
      orderBy: { seq: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["contact.create", "contact.deactivate", "contact.reactivate"]);
    expect(Object.keys(contactsDal).filter((name) => /delete|remove|destroy/i.test(name))).toEqual([]);
  });

  it("marks a contact reviewed now, versioned and audited", async () => {
    const contact = await createContact(manager, fields());
    const now = new Date("2025-06-01T09:30:00Z");
    const reviewed = await markContactReviewed(manager, { id: contact.id, version: 0 }, now);
    expect(reviewed).toMatchObject({ lastReviewedAt: now, version: 1 });
    await expect(markContactReviewed(manager, { id: contact.id, version: 0 })).rejects.toThrow(ConflictError);
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "contact.mark_reviewed" } });
    expect(audit).toMatchObject({ targetId: contact.id, before: expect.objectContaining({ lastReviewedAt: null }) });
  });

  it("searches, filters by team, staleness and status, and pages by 25", async () => {
    const now = new Date("2025-06-30T12:00:00Z");
    const rows = Array.from({ length: 30 }, (_, i) => ({
      name: `Person ${String(i).padStart(2, "0")}`,
      email: `person${i}@example.com`,
      team: i % 3 === 0 ? "Platform SRE" : "Payments DevOps",
      title: i === 7 ? "Chief Firefighter" : "Engineer",
      active: i !== 4,
      lastReviewedAt: i % 5 === 0 ? null : new Date(now.getTime() - (i % 2 === 0 ? 120 : 10) * DAY),
    }));
    await testDb().contact.createMany({ data: rows });

    const first = await listContacts(manager, filter(), now);
    expect(first).toMatchObject({ total: 30, page: 1, pageSize: 25, pageCount: 2 });
    expect(first.contacts).toHaveLength(25);
    const second = await listContacts(manager, filter({ page: "2" }), now);
    expect(second.contacts).toHaveLength(5);
    expect(second.contacts.at(-1)?.name).toBe("Person 04"); // inactive people sort last
    expect((await listContacts(manager, filter({ page: "9" }), now)).page).toBe(2);

    expect((await listContacts(manager, filter({ q: "firefight" }), now)).contacts.map((c) => c.name)).toEqual(["Person 07"]);
    expect((await listContacts(manager, filter({ q: "PERSON12@example" }), now)).total).toBe(1);
    expect((await listContacts(manager, filter({ q: "platform" }), now)).total).toBe(10);
    expect((await listContacts(manager, filter({ team: "Platform SRE" }), now)).total).toBe(10);
    expect(await listContactTeams(manager)).toEqual(["Payments DevOps", "Platform SRE"]);

    // Stale: never reviewed (i % 5 == 0) or reviewed 120 days ago (even i).
    const expectedStale = rows.filter((r) => r.lastReviewedAt === null || now.getTime() - r.lastReviewedAt.getTime() > 90 * DAY).length;
    expect((await listContacts(manager, filter({ stale: "1" }), now)).total).toBe(expectedStale);
    expect((await listContacts(manager, filter({ status: "inactive" }), now)).contacts.map((c) => c.name)).toEqual(["Person 04"]);
    expect((await listContacts(manager, filter({ status: "active" }), now)).total).toBe(29);
    expect((await listContacts(manager, filter({ status: "active", team: "Platform SRE", stale: "1" }), now)).total).toBe(
      rows.filter((r, i) => r.active && i % 3 === 0 && (r.lastReviewedAt === null || now.getTime() - r.lastReviewedAt.getTime() > 90 * DAY))
        .length,
    );
  });

  it("lets responders and auditors read but refuses every change, auditing each refusal", async () => {
    const contact = await createContact(manager, fields());
    for (const role of ["RESPONDER", "AUDITOR", "ADMIN"] as const) {
      const actor = await makeActor(role);
      await expect(listContacts(actor, filter())).resolves.toMatchObject({ total: 1 });
      await expect(getContactOrThrow(actor, contact.id)).resolves.toMatchObject({ id: contact.id });
      await expect(createContact(actor, fields({ email: `${role}@example.com` }))).rejects.toThrow(ForbiddenError);
      await expect(updateContact(actor, { id: contact.id, version: 0, ...fields({ name: "Changed" }) })).rejects.toThrow(ForbiddenError);
      await expect(setContactActive(actor, { id: contact.id, version: 0, active: false })).rejects.toThrow(ForbiddenError);
      await expect(markContactReviewed(actor, { id: contact.id, version: 0 })).rejects.toThrow(ForbiddenError);
      await expect(listLinkableUsers(actor)).rejects.toThrow(ForbiddenError);
    }
    expect(await testDb().auditEvent.count({ where: { outcome: "DENIED", action: "denied.plan.edit" } })).toBe(15);
    expect(await testDb().contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({
      name: "Aisha Bello",
      active: true,
      version: 0,
      lastReviewedAt: null,
    });
  });
});
