import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/dal/errors";
import { listEscalationPolicies, replaceEscalationTiers } from "@/lib/dal/escalation";
import { listPlanRoles, setPlanRoleMembers } from "@/lib/dal/plan-roles";
import { PLAN_ROLE_KINDS } from "@/lib/domain/plan-roles";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

let manager: Actor;
let dana: string;
let helen: string;
let kenji: string;

async function contact(name: string, active = true): Promise<string> {
  const email = `${name.toLowerCase()}@example.com`;
  return (await testDb().contact.create({ data: { name, email, active }, select: { id: true } })).id;
}

const policy = (over: Partial<Parameters<typeof replaceEscalationTiers>[1]> = {}) => ({
  severity: "SEV1" as const,
  version: 0,
  name: "SEV1 — active compromise",
  description: null,
  tiers: [
    { waitMinutes: 0, roles: ["INCIDENT_COMMANDER", "SECURITY_LEAD"], contactIds: [] },
    { waitMinutes: 15, roles: ["EXECUTIVE"], contactIds: [helen] },
  ],
  ...over,
});

beforeEach(async () => {
  await resetTables("AuditEvent", "EscalationPolicy", "PlanRole", "Contact", "User");
  manager = await makeActor("IR_MANAGER", "manager");
  dana = await contact("Dana");
  helen = await contact("Helen");
  kenji = await contact("Kenji", false);
});

describe("plan roles", () => {
  it("lists all eight roles in the plan's order, unsaved ones empty", async () => {
    const roles = await listPlanRoles(manager);
    expect(roles.map((r) => r.kind)).toEqual(PLAN_ROLE_KINDS);
    expect(roles[0]).toMatchObject({ id: null, name: "Incident commander", version: 0, members: [] });
  });

  it("creates the role on its first edit and ranks members in the order given", async () => {
    const role = await setPlanRoleMembers(manager, { kind: "INCIDENT_COMMANDER", version: 0, contactIds: [helen, dana] });
    expect(role).toMatchObject({ kind: "INCIDENT_COMMANDER", version: 1, id: expect.any(String) });
    expect(role.members.map((m) => [m.name, m.rank])).toEqual([
      ["Helen", 0],
      ["Dana", 1],
    ]);
    const reordered = await setPlanRoleMembers(manager, { kind: "INCIDENT_COMMANDER", version: 1, contactIds: [dana] });
    expect(reordered.members.map((m) => [m.name, m.rank])).toEqual([["Dana", 0]]);
    expect((await listPlanRoles(manager))[0]?.members.map((m) => m.name)).toEqual(["Dana"]);
    const audits = await testDb().auditEvent.findMany({ where: { targetType: "PlanRole" }, orderBy: { seq: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["plan_role.create", "plan_role.set_members", "plan_role.set_members"]);
    expect(audits[2]?.before).toMatchObject({
      members: [
        { rank: 0, name: "Helen" },
        { rank: 1, name: "Dana" },
      ],
    });
    expect(audits[2]?.after).toMatchObject({ members: [{ rank: 0, name: "Dana" }] });
  });

  it("refuses inactive, unknown and repeated contacts", async () => {
    await expect(setPlanRoleMembers(manager, { kind: "LEGAL", version: 0, contactIds: [kenji] })).rejects.toThrow(/Kenji is inactive/);
    await expect(setPlanRoleMembers(manager, { kind: "LEGAL", version: 0, contactIds: ["missing"] })).rejects.toThrow(ValidationError);
    await expect(setPlanRoleMembers(manager, { kind: "LEGAL", version: 0, contactIds: [dana, dana] })).rejects.toThrow(/listed twice/);
    expect(await testDb().planRole.count()).toBe(0);
  });

  it("rejects a stale version naming who changed the role, and lets one of two first edits win", async () => {
    const colleague = await makeActor("IR_MANAGER", "colleague");
    const results = await Promise.allSettled([
      setPlanRoleMembers(colleague, { kind: "SECURITY_LEAD", version: 0, contactIds: [helen] }),
      setPlanRoleMembers(manager, { kind: "SECURITY_LEAD", version: 0, contactIds: [dana] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected[0]?.reason).toBeInstanceOf(ConflictError);
    expect(await testDb().planRole.count({ where: { kind: "SECURITY_LEAD" } })).toBe(1);

    const winner = results[0]!.status === "fulfilled" ? colleague : manager;
    const stale = setPlanRoleMembers(manager, { kind: "SECURITY_LEAD", version: 0, contactIds: [dana, helen] });
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(stale).rejects.toThrow(`Security lead was changed by ${winner.email}`);
  });
});

describe("escalation", () => {
  it("lists SEV1–SEV4, creates a policy on its first edit and replaces its tiers whole", async () => {
    expect((await listEscalationPolicies(manager)).map((p) => [p.severity, p.id, p.tiers.length])).toEqual([
      ["SEV1", null, 0],
      ["SEV2", null, 0],
      ["SEV3", null, 0],
      ["SEV4", null, 0],
    ]);
    const saved = await replaceEscalationTiers(manager, policy());
    expect(saved).toMatchObject({ severity: "SEV1", name: "SEV1 — active compromise", version: 1 });
    expect(saved.tiers).toEqual([
      {
        position: 1,
        waitMinutes: 0,
        roles: [
          { kind: "INCIDENT_COMMANDER", name: "Incident commander" },
          { kind: "SECURITY_LEAD", name: "Security lead" },
        ],
        contacts: [],
      },
      {
        position: 2,
        waitMinutes: 15,
        roles: [{ kind: "EXECUTIVE", name: "Executive sponsor" }],
        contacts: [{ id: helen, name: "Helen", active: true }],
      },
    ]);
    // Roles a tier names get their row (empty) so the tier can point at them.
    expect(await testDb().planRole.count()).toBe(3);

    const replaced = await replaceEscalationTiers(
      manager,
      policy({ version: 1, tiers: [{ waitMinutes: 0, roles: [], contactIds: [dana] }] }),
    );
    expect(replaced.tiers).toEqual([{ position: 1, waitMinutes: 0, roles: [], contacts: [{ id: dana, name: "Dana", active: true }] }]);
    expect(await testDb().escalationTier.count()).toBe(1);
    expect(await testDb().escalationTarget.count()).toBe(1);
    const actions = await testDb().auditEvent.findMany({
      where: { targetType: "EscalationPolicy" },
      orderBy: { seq: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "escalation_policy.create",
      "escalation_policy.replace_tiers",
      "escalation_policy.replace_tiers",
    ]);
  });

  it("explains each invalid tier and changes nothing", async () => {
    const attempt = replaceEscalationTiers(
      manager,
      policy({
        tiers: [
          { waitMinutes: 0, roles: [], contactIds: [] },
          { waitMinutes: -1, roles: ["JANITOR"], contactIds: ["missing", kenji] },
        ],
      }),
    );
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: {
        tiers: [
          "Tier 1 engages nobody: add a role or a contact.",
          "Tier 2: the wait cannot be negative.",
          'Tier 2: unknown role "JANITOR".',
          "Tier 2: unknown contact; reload and choose again.",
          "Tier 2: Kenji is inactive and would never answer a page.",
        ],
      },
    });
    await expect(replaceEscalationTiers(manager, policy({ tiers: [] }))).rejects.toThrow(/at least one tier/);
    expect(await testDb().escalationPolicy.count()).toBe(0);
    expect(await testDb().auditEvent.count()).toBe(0);
  });

  it("rejects a stale version naming who changed the policy", async () => {
    const colleague = await makeActor("IR_MANAGER", "colleague");
    await replaceEscalationTiers(colleague, policy());
    const stale = replaceEscalationTiers(manager, policy({ version: 0 }));
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(stale).rejects.toThrow(`The SEV1 escalation was changed by ${colleague.email}`);
  });
});

describe("who may edit roles and escalation", () => {
  it("lets responders and auditors read, refuses their edits and audits each refusal", async () => {
    await setPlanRoleMembers(manager, { kind: "LEGAL", version: 0, contactIds: [helen] });
    await replaceEscalationTiers(manager, policy());
    for (const role of ["RESPONDER", "AUDITOR", "ADMIN"] as const) {
      const actor = await makeActor(role);
      await expect(listPlanRoles(actor)).resolves.toHaveLength(8);
      await expect(listEscalationPolicies(actor)).resolves.toHaveLength(4);
      await expect(setPlanRoleMembers(actor, { kind: "LEGAL", version: 1, contactIds: [dana] })).rejects.toThrow(ForbiddenError);
      await expect(replaceEscalationTiers(actor, policy({ version: 1 }))).rejects.toThrow(ForbiddenError);
    }
    expect(await testDb().auditEvent.count({ where: { outcome: "DENIED", action: "denied.plan.edit" } })).toBe(6);
    expect((await listPlanRoles(manager)).find((r) => r.kind === "LEGAL")).toMatchObject({ version: 1, members: [{ name: "Helen" }] });
    expect((await listEscalationPolicies(manager))[0]).toMatchObject({ version: 1 });
  });
});
