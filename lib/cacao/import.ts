import { BULKHEAD_EXTENSION_ID, PlaybookExtension, StepExtension } from "@/lib/cacao/extension";
import { commandMarkdown, flowNotes } from "@/lib/cacao/import-text";
import { splitPhasePrefix } from "@/lib/cacao/phases";
import type { CacaoPlaybook, CacaoStep } from "@/lib/cacao/types";
import { workflowOrder, walkWorkflow } from "@/lib/cacao/workflow-graph";
import { techniqueById } from "@/lib/domain/attack";
import { PLAN_ROLE_DEFAULTS, PLAN_ROLE_KINDS } from "@/lib/domain/plan-roles";
import type { PlaybookStepContent } from "@/lib/domain/playbook-steps";
import { IncidentType, type PlanRoleKind, type PlaybookPhase } from "@/lib/generated/prisma/enums";
import { MAX_INSTRUCTIONS } from "@/lib/validation/playbooks";

export type ImportedStep = PlaybookStepContent;

export type ImportedPlaybook = {
  title: string;
  description: string | null;
  /** Null when the document does not say; the importer then asks. */
  incidentType: IncidentType | null;
  attackTechniques: string[];
  steps: ImportedStep[];
};

/** Steps without Bulkhead's extension or a phase prefix are analysis work until someone says otherwise. */
export const DEFAULT_PHASE: PlaybookPhase = "DETECTION_ANALYSIS";
const TITLE_MAX = 200;
const TECHNIQUE = /^T\d{4}(?:\.\d{3})?$/;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// An imported draft must be editable with the same forms as any other (lib/validation/playbooks.ts):
// what a CACAO document may hold beyond those limits is brought within them rather than refused.
const EVIDENCE_MAX = 1_000;
const MINUTES_MAX = 1_440;
const titled = (text: string, fallback: string) => clip(text.length >= 3 ? text : `${fallback}${text ? `: ${text}` : ""}`, TITLE_MAX);
const minutes = (value: number | null | undefined) => (value && value >= 1 ? Math.min(Math.round(value), MINUTES_MAX) : null);

/** "Security lead", "security_lead" or "SECURITY_LEAD" as an agent name → the plan role. */
function roleFromAgentName(name: unknown): PlanRoleKind | null {
  const squash = (t: string) => t.toLowerCase().replace(/[^a-z]/g, "");
  const wanted = typeof name === "string" ? squash(name) : "";
  if (!wanted) return null;
  return PLAN_ROLE_KINDS.find((k) => squash(k) === wanted || squash(PLAN_ROLE_DEFAULTS[k].name) === wanted) ?? null;
}

function incidentTypeOf(doc: CacaoPlaybook, extension: PlaybookExtension | undefined): IncidentType | null {
  if (extension?.incident_type) return extension.incident_type;
  for (const label of doc.labels ?? []) {
    const match = /^incident-type:(.+)$/i.exec(label.trim());
    const type = match?.[1]!
      .trim()
      .toUpperCase()
      .replace(/[^A-Z]+/g, "_");
    if (type && Object.hasOwn(IncidentType, type)) return type as IncidentType;
  }
  return null;
}

/** From Bulkhead's extension, `mitre-attack:T…` labels and external references to attack.mitre.org. */
function techniquesOf(doc: CacaoPlaybook, extension: PlaybookExtension | undefined): string[] {
  const found: string[] = [...(extension?.attack_techniques ?? [])];
  for (const label of doc.labels ?? []) {
    const id = /^(?:mitre-attack|attack|att&ck):\s*(T\d{4}(?:\.\d{3})?)$/i.exec(label.trim())?.[1];
    if (id) found.push(id.toUpperCase());
  }
  for (const ref of doc.external_references ?? []) {
    const fromUrl = /attack\.mitre\.org\/techniques\/(T\d{4})(?:\/(\d{3}))?/i.exec(ref.url ?? "");
    if (fromUrl) found.push(fromUrl[2] ? `${fromUrl[1]!.toUpperCase()}.${fromUrl[2]}` : fromUrl[1]!.toUpperCase());
    else if (ref.external_id && TECHNIQUE.test(ref.external_id) && /att&?ck/i.test(`${ref.source ?? ""} ${ref.name}`))
      found.push(ref.external_id);
  }
  // Only ATT&CK for Containers techniques: the library lists and edits playbooks by those.
  return [...new Set(found.filter((t) => TECHNIQUE.test(t) && techniqueById(t)).map((t) => techniqueById(t)!.id))];
}

function toStep(doc: CacaoPlaybook, id: string, step: CacaoStep, notes: string[], index: number): ImportedStep {
  const parsed = StepExtension.safeParse(step.step_extensions?.[BULKHEAD_EXTENSION_ID]);
  const extension = parsed.success ? parsed.data : undefined;
  const named = splitPhasePrefix(step.name ?? "");
  const fallbackTitle = step.description?.split("\n")[0]?.trim() || `Step ${index + 1} (${id})`;
  const commands = (step.commands ?? []).map((c) => commandMarkdown(c));
  const body =
    step.type === "playbook-action"
      ? [
          `Run the CACAO playbook \`${step.playbook_id ?? "?"}\`${step.playbook_version ? ` (version of ${step.playbook_version})` : ""} and continue when it has finished.`,
        ]
      : commands.length
        ? commands
        : ["(The CACAO document gives no command for this step.)"];
  // Bulkhead's own export keeps only generated text in `description`; anyone else's is the author's words.
  const description = !extension && step.description ? [step.description] : [];
  // CACAO `timeout` is in milliseconds: the longest the step may take, the nearest thing to an estimate.
  const timeoutMinutes = typeof step.timeout === "number" && step.timeout > 0 ? Math.ceil(step.timeout / 60_000) : null;
  return {
    phase: extension?.phase ?? named.phase ?? DEFAULT_PHASE,
    title: titled(named.title || fallbackTitle, `Step ${index + 1}`),
    instructions: clip([...notes, ...description, ...body].join("\n\n"), MAX_INSTRUCTIONS),
    responsibleRole: extension ? (extension.responsible_role ?? null) : roleFromAgentName(doc.agent_definitions?.[step.agent ?? ""]?.name),
    evidenceExpected: extension?.evidence_expected ? clip(extension.evidence_expected, EVIDENCE_MAX) : null,
    expectedMinutes: minutes(extension ? extension.expected_minutes : timeoutMinutes),
  };
}

/**
 * A valid CACAO 2.0 playbook (schema and semantic checks passed) as a Bulkhead playbook draft.
 * Bulkhead steps are a list, so the workflow is flattened (docs/decisions/009-cacao-mapping.md):
 * from workflow_start, every reachable action and playbook-action step becomes a step, each after
 * the steps that lead to it; parallel branches come one after another in listed order, condition
 * branches true before false, switch cases in document order, and each such step says in its
 * instructions where it came from. Start, end and the control steps themselves become no steps.
 */
export function cacaoToPlaybook(doc: CacaoPlaybook): ImportedPlaybook {
  const parsed = PlaybookExtension.safeParse(doc.playbook_extensions?.[BULKHEAD_EXTENSION_ID]);
  const extension = parsed.success ? parsed.data : undefined;
  const walk = walkWorkflow(doc.workflow, doc.workflow_start);
  const order = workflowOrder(doc.workflow, walk);
  const notes = flowNotes(doc.workflow, walk);
  const steps = order
    .filter((id) => doc.workflow[id]!.type === "action" || doc.workflow[id]!.type === "playbook-action")
    .map((id, i) => toStep(doc, id, doc.workflow[id]!, notes.get(id) ?? [], i));
  return {
    title: titled(doc.name.trim(), "Imported CACAO playbook"),
    description: doc.description?.trim() || null,
    incidentType: incidentTypeOf(doc, extension),
    attackTechniques: techniquesOf(doc, extension),
    steps,
  };
}
