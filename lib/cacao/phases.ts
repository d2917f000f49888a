import type { PlaybookPhase } from "@/lib/generated/prisma/enums";

/**
 * How a NIST SP 800-61 phase appears in CACAO. `prefix` starts each exported step's name
 * ("[Containment] Quarantine the pod"), so a CACAO tool that ignores extensions still shows the
 * phase; these words are part of the exchange format, so they do not follow UI label changes.
 * `playbookType` and `activity` come from CACAO's playbook-type-ov and playbook-activity-type-ov
 * vocabularies (sections 3.1.1 and 3.1.2).
 */
export const CACAO_PHASES: Record<PlaybookPhase, { prefix: string; playbookType: string; activity: string }> = {
  PREPARATION: { prefix: "Preparation", playbookType: "prevention", activity: "identify-steps" },
  DETECTION_ANALYSIS: { prefix: "Detection & Analysis", playbookType: "investigation", activity: "analyze-collected-data" },
  CONTAINMENT: { prefix: "Containment", playbookType: "mitigation", activity: "restrict-access" },
  ERADICATION: { prefix: "Eradication", playbookType: "remediation", activity: "eliminate-risk" },
  RECOVERY: { prefix: "Recovery", playbookType: "remediation", activity: "restore-capabilities" },
  POST_INCIDENT: { prefix: "Post-Incident", playbookType: "investigation", activity: "analyze-engagement-results" },
};

const PHASES = Object.keys(CACAO_PHASES) as PlaybookPhase[];

const squash = (text: string) =>
  text
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z]/g, "");

/**
 * Splits "[Containment] Quarantine the pod" into phase and title. Accepts the prefix as written
 * above, the enum name, or close variants ("Detection and analysis", "post incident").
 */
export function splitPhasePrefix(name: string): { phase: PlaybookPhase | null; title: string } {
  // The rest is sliced off, not matched with `\s*(.*)`: those two quantifiers backtrack against each other.
  const start = name.length - name.trimStart().length;
  const head = /^\[([^\]]{1,40})\]/.exec(name.slice(start));
  const match = head && [head[0], head[1], name.slice(start + head[0].length)];
  if (!match) return { phase: null, title: name.trim() };
  const wanted = squash(match[1]!);
  const phase = PHASES.find((p) => squash(CACAO_PHASES[p].prefix) === wanted || squash(p) === wanted) ?? null;
  return phase ? { phase, title: match[2]!.trim() } : { phase: null, title: name.trim() };
}
