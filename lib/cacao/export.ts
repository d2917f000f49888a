import {
  BULKHEAD_EXTENSION_DEFINITION,
  BULKHEAD_EXTENSION_ID,
  BULKHEAD_IDENTITY,
  type PlaybookExtension,
  type StepExtension,
} from "@/lib/cacao/extension";
import { cacaoId, playbookCacaoId } from "@/lib/cacao/ids";
import { CACAO_PHASES } from "@/lib/cacao/phases";
import type { CacaoAgent, CacaoExternalReference, CacaoPlaybook, CacaoStep } from "@/lib/cacao/types";
import { techniqueById } from "@/lib/domain/attack";
import { PLAN_ROLE_DEFAULTS } from "@/lib/domain/plan-roles";
import type { PlaybookStepRecord } from "@/lib/domain/playbook-steps";
import type { IncidentType, PlanRoleKind, PlaybookVersionStatus } from "@/lib/generated/prisma/enums";

/** A playbook version as the export needs it (built by the DAL from the database, or from seed data). */
export type ExportablePlaybook = {
  id: string;
  title: string;
  description: string | null;
  incidentType: IncidentType;
  attackTechniques: string[];
  createdAt: Date;
  version: {
    id: string;
    number: number;
    status: PlaybookVersionStatus;
    publishedAt: Date | null;
    publishedById: string | null;
    updatedAt: Date;
  };
  steps: PlaybookStepRecord[];
};

/** Steps without a responsible role are for whoever works the incident. */
const ANYONE = { name: "Incident responders", description: "Anyone working the incident in Bulkhead (the step names no plan role)." };

export function incidentTypeLabel(type: IncidentType): string {
  return `incident-type:${type.toLowerCase().replace(/_/g, "-")}`;
}

export function attackLabel(technique: string): string {
  return `mitre-attack:${technique}`;
}

function attackReference(id: string): CacaoExternalReference {
  const known = techniqueById(id);
  return {
    name: known ? `ATT&CK ${id}: ${known.name}` : `ATT&CK ${id}`,
    source: "MITRE ATT&CK",
    url: known?.url ?? `https://attack.mitre.org/techniques/${id.replace(".", "/")}/`,
    external_id: id,
  };
}

const minutes = (n: number | null) => (n === null ? null : `${n} minute${n === 1 ? "" : "s"}`);

/** Plain text for CACAO tools that show only name and description. */
function stepDescription(step: ExportablePlaybook["steps"][number]): string {
  const role = step.responsibleRole ? PLAN_ROLE_DEFAULTS[step.responsibleRole].name : ANYONE.name;
  return [
    `Phase: ${CACAO_PHASES[step.phase].prefix}.`,
    `Responsible: ${role}.`,
    step.evidenceExpected ? `Evidence expected: ${step.evidenceExpected}.` : null,
    step.expectedMinutes !== null ? `Expected time: ${minutes(step.expectedMinutes)}.` : null,
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * One Bulkhead playbook version as a CACAO 2.0 playbook (see docs/decisions/009-cacao-mapping.md):
 * start → one `action` step per Bulkhead step in order → end. Each action has one `manual` command
 * holding the Markdown instructions (placeholders such as {{pod}} left as written), an agent that
 * is the plan role responsible (a CACAO `group`), the phase as a name prefix, and phase, role,
 * evidence and minutes again, machine-readable, in Bulkhead's step extension. Expected minutes are
 * not CACAO's `timeout`: a timeout fails the step when it passes, an estimate does not.
 * Identifiers are UUIDv5 from Bulkhead ids, so exporting the same version twice gives the same document.
 */
export function playbookToCacao(playbook: ExportablePlaybook): CacaoPlaybook {
  const steps = [...playbook.steps].sort((a, b) => a.position - b.position);
  const startId = cacaoId("start", playbook.version.id);
  const endId = cacaoId("end", playbook.version.id);
  const actionIds = steps.map((s) => cacaoId("action", s.id));
  const agentId = (role: PlanRoleKind | null) => cacaoId("group", `plan-role:${role ?? "anyone"}`);

  const agents: Record<string, CacaoAgent> = {};
  for (const step of steps) {
    const id = agentId(step.responsibleRole);
    if (agents[id]) continue;
    agents[id] = step.responsibleRole
      ? {
          type: "group",
          name: PLAN_ROLE_DEFAULTS[step.responsibleRole].name,
          description: `Whoever fills the plan role ${step.responsibleRole} in the incident response plan.`,
        }
      : { type: "group", ...ANYONE };
  }

  const workflow: Record<string, CacaoStep> = {
    [startId]: { type: "start", name: "Start", on_completion: actionIds[0] ?? endId },
  };
  steps.forEach((step, i) => {
    const extension: StepExtension = {
      phase: step.phase,
      responsible_role: step.responsibleRole,
      evidence_expected: step.evidenceExpected,
      expected_minutes: step.expectedMinutes,
    };
    workflow[actionIds[i]!] = {
      type: "action",
      name: `[${CACAO_PHASES[step.phase].prefix}] ${step.title}`,
      description: stepDescription(step),
      commands: [{ type: "manual", command: step.instructions, playbook_activity: CACAO_PHASES[step.phase].activity }],
      agent: agentId(step.responsibleRole),
      on_completion: actionIds[i + 1] ?? endId,
      step_extensions: { [BULKHEAD_EXTENSION_ID]: extension },
    };
  });
  workflow[endId] = { type: "end", name: "End" };

  const phases = [...new Set(steps.map((s) => s.phase))];
  const playbookTypes = [...new Set(phases.map((p) => CACAO_PHASES[p].playbookType))];
  const activities = [...new Set(phases.map((p) => CACAO_PHASES[p].activity))];
  const techniques = [...new Set(playbook.attackTechniques)];
  const playbookExtension: PlaybookExtension = {
    incident_type: playbook.incidentType,
    attack_techniques: techniques,
    bulkhead_version: playbook.version.number,
    bulkhead_status: playbook.version.status,
  };
  const created = playbook.createdAt;
  const lastChange = playbook.version.publishedAt ?? playbook.version.updatedAt;
  // CACAO: modified MUST NOT be earlier than created.
  const modified = lastChange > created ? lastChange : created;

  return {
    type: "playbook",
    spec_version: "cacao-2.0",
    id: playbookCacaoId(playbook.id),
    name: playbook.title,
    description: playbook.description ?? playbook.title,
    playbook_types: playbookTypes.length ? playbookTypes : ["investigation"],
    ...(activities.length ? { playbook_activities: activities } : {}),
    created_by: playbook.version.publishedById ? cacaoId("identity", `user:${playbook.version.publishedById}`) : BULKHEAD_IDENTITY,
    created: created.toISOString(),
    modified: modified.toISOString(),
    labels: ["bulkhead", incidentTypeLabel(playbook.incidentType), ...techniques.map(attackLabel)],
    ...(techniques.length ? { external_references: techniques.map(attackReference) } : {}),
    workflow_start: startId,
    workflow,
    playbook_extensions: { [BULKHEAD_EXTENSION_ID]: playbookExtension },
    ...(Object.keys(agents).length ? { agent_definitions: agents } : {}),
    extension_definitions: { [BULKHEAD_EXTENSION_ID]: BULKHEAD_EXTENSION_DEFINITION },
  };
}

/** `bulkhead-<title>-v<n>.cacao.json`, safe in a Content-Disposition header. */
export function cacaoFilename(playbook: Pick<ExportablePlaybook, "title"> & { version: { number: number } }): string {
  const slug =
    playbook.title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "playbook";
  return `bulkhead-${slug}-v${playbook.version.number}.cacao.json`;
}
