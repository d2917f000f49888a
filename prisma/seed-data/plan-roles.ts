import type { Tx } from "@/lib/db";
import type { PlanRoleKind, Severity } from "@/lib/generated/prisma/client";
import type { ContactKey } from "./people";

// The demo plan's roles, who fills them, and the escalation policy of every severity.

const PLAN_ROLES: readonly { kind: PlanRoleKind; name: string; description: string; members: ContactKey[] }[] = [
  {
    kind: "INCIDENT_COMMANDER",
    name: "Incident commander",
    description: "Owns the incident from declaration to close: sets severity, approves containment, runs the bridge and the timeline.",
    members: ["dana", "helen"],
  },
  {
    kind: "DEPUTY_COMMANDER",
    name: "Deputy commander",
    description: "Keeps the timeline and evidence register current, takes over command at shift change or if the commander is hands-on.",
    members: ["marco", "priya"],
  },
  {
    kind: "SECURITY_LEAD",
    name: "Security lead",
    description: "Leads analysis and forensics, decides on credential rotation and admission blocks, briefs Legal on impact.",
    members: ["helen", "marco"],
  },
  {
    kind: "DEVOPS_PRIMARY",
    name: "DevOps primary owner",
    description: "Engaged per cluster/namespace from the ownership table; these members are the fallback when a scope has no owner.",
    members: ["priya", "aisha"],
  },
  {
    kind: "DEVOPS_SECONDARY",
    name: "DevOps secondary owner",
    description: "Second owner per scope, engaged with the primary from SEV2 up or when the primary does not acknowledge.",
    members: ["tomas", "jonas"],
  },
  {
    kind: "LEGAL",
    name: "Legal counsel",
    description: "Assesses notification duties (GDPR Art. 33 within 72 hours, PCI DSS card-brand reporting, contracts).",
    members: ["rebecca"],
  },
  {
    kind: "COMMUNICATIONS",
    name: "Communications",
    description: "Status page, customer and staff statements; nothing leaves the company without this role and Legal.",
    members: ["owen"],
  },
  {
    kind: "EXECUTIVE",
    name: "Executive sponsor",
    description: "Decides on taking a production cluster offline and on external disclosure; receives SEV1 updates hourly.",
    members: ["miriam"],
  },
];

type TargetSeed = { role?: PlanRoleKind; contact?: ContactKey };
const ESCALATION: readonly {
  severity: Severity;
  name: string;
  description: string;
  tiers: { waitMinutes: number; targets: TargetSeed[] }[];
}[] = [
  {
    severity: "SEV1",
    name: "SEV1 — active compromise of production",
    description: "Page immediately, around the clock. Bridge opens within 15 minutes.",
    tiers: [
      { waitMinutes: 0, targets: [{ role: "INCIDENT_COMMANDER" }, { role: "SECURITY_LEAD" }, { role: "DEVOPS_PRIMARY" }] },
      { waitMinutes: 15, targets: [{ role: "DEPUTY_COMMANDER" }, { role: "DEVOPS_SECONDARY" }, { role: "COMMUNICATIONS" }] },
      { waitMinutes: 30, targets: [{ role: "EXECUTIVE" }, { role: "LEGAL" }] },
    ],
  },
  {
    severity: "SEV2",
    name: "SEV2 — suspected compromise or contained production threat",
    description: "Page during the first 30 minutes, around the clock.",
    tiers: [
      { waitMinutes: 0, targets: [{ role: "INCIDENT_COMMANDER" }, { role: "DEVOPS_PRIMARY" }] },
      { waitMinutes: 15, targets: [{ role: "SECURITY_LEAD" }, { role: "DEVOPS_SECONDARY" }] },
      { waitMinutes: 30, targets: [{ role: "DEPUTY_COMMANDER" }, { contact: "helen" }] },
    ],
  },
  {
    severity: "SEV3",
    name: "SEV3 — policy violation or non-production threat",
    description: "Business hours; the owning team acknowledges within 2 hours.",
    tiers: [
      { waitMinutes: 0, targets: [{ role: "DEVOPS_PRIMARY" }, { contact: "marco" }] },
      { waitMinutes: 30, targets: [{ role: "DEVOPS_SECONDARY" }] },
      { waitMinutes: 120, targets: [{ role: "INCIDENT_COMMANDER" }] },
    ],
  },
  {
    severity: "SEV4",
    name: "SEV4 — informational",
    description: "Ticket to the owning team; reviewed at the weekly detection review.",
    tiers: [
      { waitMinutes: 0, targets: [{ role: "DEVOPS_PRIMARY" }] },
      { waitMinutes: 240, targets: [{ role: "SECURITY_LEAD" }] },
    ],
  },
];

/** The plan roles with their members, and each severity's escalation tiers paging roles and contacts. */
export async function seedPlanRoles(tx: Tx, contacts: Record<ContactKey, string>): Promise<void> {
  const roleIds = {} as Record<PlanRoleKind, string>;
  for (const r of PLAN_ROLES) {
    const role = await tx.planRole.create({
      data: {
        kind: r.kind,
        name: r.name,
        description: r.description,
        members: { create: r.members.map((key, rank) => ({ contactId: contacts[key], rank })) },
      },
      select: { id: true },
    });
    roleIds[r.kind] = role.id;
  }

  for (const p of ESCALATION) {
    await tx.escalationPolicy.create({
      data: {
        severity: p.severity,
        name: p.name,
        description: p.description,
        tiers: {
          create: p.tiers.map((tier, i) => ({
            position: i + 1,
            waitMinutes: tier.waitMinutes,
            targets: {
              create: tier.targets.map((t) => ({
                planRoleId: t.role ? roleIds[t.role] : null,
                contactId: t.contact ? contacts[t.contact] : null,
              })),
            },
          })),
        },
      },
    });
  }
}
