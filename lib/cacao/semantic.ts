import { PlaybookExtension, readExtension, StepExtension } from "@/lib/cacao/extension";
import type { CacaoPlaybook, CacaoProblem } from "@/lib/cacao/types";
import { edgesOf, walkWorkflow } from "@/lib/cacao/workflow-graph";

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");
const stepPath = (id: string) => `/workflow/${escape(id)}`;

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}";
const keyPattern = (types: string[]) => new RegExp(`^(${types.join("|")})--${UUID}$`);

/**
 * The dictionary keys the playbook schema allows. It lists them in patternProperties and forbids any
 * other key with `unevaluatedProperties: false`, a 2019-09 keyword that a draft-07 reading ignores
 * (see validator.ts), so an entry under any other key would reach the import unchecked; this says
 * so. Step types are a closed enumeration; agent and target types are an open vocabulary
 * (agent-target-type-ov), and SOARCA's own examples define `soarca--<UUID>` agents, so any
 * identifier is a valid agent or target key.
 */
const ANY_IDENTIFIER = new RegExp(`^[a-z][a-z0-9-]+[a-z0-9]--${UUID}$`);
const DICTIONARY_KEYS = {
  workflow: keyPattern(["action", "end", "if-condition", "parallel", "playbook-action", "start", "switch-condition", "while-condition"]),
  agent_definitions: ANY_IDENTIFIER,
  target_definitions: ANY_IDENTIFIER,
  extension_definitions: keyPattern(["extension-definition"]),
} as const;

function dictionaryKeyProblems(doc: CacaoPlaybook): CacaoProblem[] {
  const problems: CacaoProblem[] = [];
  for (const [dictionary, pattern] of Object.entries(DICTIONARY_KEYS)) {
    const entries = doc[dictionary];
    if (!entries || typeof entries !== "object") continue;
    for (const key of Object.keys(entries)) {
      if (!pattern.test(key))
        problems.push({
          path: `/${dictionary}/${escape(key)}`,
          message: `is not a key ${dictionary} allows: it must be an identifier "<type>--<UUID>"${dictionary === "workflow" ? " whose type is a workflow step type" : ""}`,
        });
    }
  }
  return problems;
}

/**
 * What the JSON schemas cannot say about a playbook, checked on a document that passed them
 * (the checks SOARCA makes before it runs one, plus Bulkhead's own extension):
 * - dictionary keys are the identifiers the schema lists (see DICTIONARY_KEYS);
 * - workflow_start and every step reference (on_completion, on_success, on_failure, on_true,
 *   on_false, next_steps, cases) names a step in the workflow;
 * - an action's agent is defined in agent_definitions;
 * - the workflow does not loop back on itself except through a while-condition;
 * - e-mail addresses of agents and targets are addresses;
 * - Bulkhead's extension, where present, holds what it should;
 * - at least one action (or playbook-action) step is reachable, or there is nothing to import.
 * Not checked, on purpose: workflow_exception and target references. Genuine OASIS and SOARCA
 * examples point those at objects they do not define, and Bulkhead imports neither.
 */
export function semanticProblems(doc: CacaoPlaybook, isEmail: (value: string) => boolean): CacaoProblem[] {
  // The checks below read the entries as the schema shaped them; an entry under a key the schema
  // does not know was never shaped, so stop here.
  const keys = dictionaryKeyProblems(doc);
  if (keys.length) return keys;
  const problems: CacaoProblem[] = [];
  const workflow = doc.workflow;
  const has = (id: string) => Object.hasOwn(workflow, id);
  const nameOf = (id: string) => (workflow[id]?.name ? `"${workflow[id].name}" (${id})` : id);

  if (!has(doc.workflow_start)) {
    problems.push({
      path: "/workflow_start",
      message: `refers to step ${doc.workflow_start}, which is not in the workflow: the playbook has no start step`,
    });
  }
  for (const [id, step] of Object.entries(workflow)) {
    for (const edge of edgesOf(step)) {
      if (!has(edge.to))
        problems.push({ path: `${stepPath(id)}/${edge.via}`, message: `refers to step ${edge.to}, which is not in the workflow` });
    }
    if (
      (step.type === "action" || step.type === "playbook-action") &&
      typeof step.agent === "string" &&
      !Object.hasOwn(doc.agent_definitions ?? {}, step.agent)
    ) {
      problems.push({ path: `${stepPath(id)}/agent`, message: `refers to agent ${step.agent}, which is not in agent_definitions` });
    }
    problems.push(...readExtension(StepExtension, step.step_extensions, `${stepPath(id)}/step_extensions`).problems);
  }
  problems.push(...readExtension(PlaybookExtension, doc.playbook_extensions, "/playbook_extensions").problems);

  // Every cycle in a directed graph closes with a back edge of a depth-first walk; starting a walk
  // from every step finds the cycles that workflow_start cannot reach as well.
  const reported = new Set<string>();
  const walked = new Set<string>();
  for (const start of [doc.workflow_start, ...Object.keys(workflow)]) {
    if (walked.has(start)) continue;
    const walk = walkWorkflow(workflow, start);
    for (const id of walk.preorder) walked.add(id);
    for (const back of walk.backEdges) {
      const key = `${back.from}\n${back.edge.via}`;
      if (reported.has(key) || back.cycle.some((id) => workflow[id]!.type === "while-condition")) continue;
      reported.add(key);
      problems.push({
        path: `${stepPath(back.from)}/${back.edge.via}`,
        message:
          back.cycle.length === 1
            ? `points back at its own step ${nameOf(back.from)}: the workflow would loop forever (only a while-condition may repeat steps)`
            : `goes back to step ${nameOf(back.edge.to)}, a loop of ${back.cycle.length} steps without a while-condition: the workflow would never end`,
      });
    }
  }

  for (const [dictionary, entries] of [
    ["agent_definitions", doc.agent_definitions],
    ["target_definitions", doc.target_definitions],
  ] as const) {
    for (const [id, agent] of Object.entries(entries ?? {})) {
      // Agents of types the schema does not list were never shaped by it.
      const email: unknown = agent && typeof agent === "object" ? agent.contact?.email : undefined;
      if (!email || typeof email !== "object") continue;
      for (const [kind, address] of Object.entries(email)) {
        if (typeof address === "string" && !isEmail(address)) {
          problems.push({
            path: `/${dictionary}/${escape(id)}/contact/email/${escape(kind)}`,
            message: `${JSON.stringify(address)} is not a valid e-mail address`,
          });
        }
      }
    }
  }

  if (has(doc.workflow_start)) {
    const reachable = walkWorkflow(workflow, doc.workflow_start).preorder;
    if (!reachable.some((id) => workflow[id]!.type === "action" || workflow[id]!.type === "playbook-action")) {
      problems.push({ path: "/workflow", message: "no action step can be reached from workflow_start: there are no steps to import" });
    }
  }
  return problems;
}
