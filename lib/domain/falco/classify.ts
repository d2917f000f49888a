import { TACTICS, techniqueById } from "@/lib/domain/attack";
import type { FalcoPriority, IncidentType, Severity } from "@/lib/generated/prisma/enums";
import { FALCO_PRIORITIES } from "@/lib/domain/falco/priority-names";

/**
 * What an alert means for incident response: severity, ATT&CK for Containers techniques and
 * tactics, incident type (so a matching playbook can be suggested), and the key alerts correlate on.
 */

/**
 * Severity from Falco's priority. Falco's rules reserve CRITICAL and above for events that are
 * compromise in themselves (container escape, fileless execution, a dropped binary run); ERROR is a
 * likely compromise; WARNING is suspicious activity that needs triage; NOTICE and below are
 * context that matters once something else fired. So:
 *   EMERGENCY, ALERT, CRITICAL → SEV1 · ERROR → SEV2 · WARNING → SEV3 · NOTICE, INFORMATIONAL, DEBUG → SEV4
 */
export const SEVERITY_BY_PRIORITY: Readonly<Record<FalcoPriority, Severity>> = {
  EMERGENCY: "SEV1",
  ALERT: "SEV1",
  CRITICAL: "SEV1",
  ERROR: "SEV2",
  WARNING: "SEV3",
  NOTICE: "SEV4",
  INFORMATIONAL: "SEV4",
  DEBUG: "SEV4",
};

export function severityForPriority(priority: FalcoPriority): Severity {
  return SEVERITY_BY_PRIORITY[priority];
}

/** True when `priority` is as severe as `threshold` or more (EMERGENCY is the most severe). */
export function priorityAtLeast(priority: FalcoPriority, threshold: FalcoPriority): boolean {
  return FALCO_PRIORITIES.indexOf(priority) <= FALCO_PRIORITIES.indexOf(threshold);
}

/** The more severe of two severities (SEV1 is the worst). */
export function worseSeverity(a: Severity, b: Severity): Severity {
  return a <= b ? a : b;
}

export type AttackMapping = {
  /** Technique ids known to the project's ATT&CK for Containers data, e.g. `T1611`. */
  techniques: string[];
  /** Tactic shortnames, e.g. `privilege-escalation`, in matrix order. */
  tactics: string[];
  /** Tags that name no known technique or tactic (`container`, `T1059.004`, `mitre_foo`…), kept as they came. */
  otherTags: string[];
};

const TACTIC_BY_ID = new Map(TACTICS.map((t) => [t.id, t.shortname]));
const TACTIC_ORDER = new Map(TACTICS.map((t, i) => [t.shortname, i]));

/**
 * Falco rules tag ATT&CK as `mitre_<tactic>` (underscores for the hyphens), `TA####` and `T####`
 * or `T####.###`. A sub-technique outside the Containers list keeps its parent when the parent is
 * in it (`T1611.001` → `T1611`): the parent is what the sub-technique is an instance of.
 */
export function attackFromTags(tags: readonly string[]): AttackMapping {
  const techniques = new Set<string>();
  const tactics = new Set<string>();
  const otherTags: string[] = [];
  for (const tag of tags) {
    const t = tag.trim();
    if (/^T\d{4}(?:\.\d{3})?$/i.test(t)) {
      const known = techniqueById(t) ?? techniqueById(t.slice(0, 5));
      if (known) techniques.add(known.id);
      else otherTags.push(tag);
    } else if (/^TA\d{4}$/i.test(t) && TACTIC_BY_ID.has(t.toUpperCase())) {
      tactics.add(TACTIC_BY_ID.get(t.toUpperCase())!);
    } else if (/^mitre_/i.test(t) && TACTIC_ORDER.has(t.slice(6).toLowerCase().replaceAll("_", "-"))) {
      tactics.add(t.slice(6).toLowerCase().replaceAll("_", "-"));
    } else {
      otherTags.push(tag);
    }
  }
  return {
    techniques: [...techniques].sort(),
    tactics: [...tactics].sort((a, b) => TACTIC_ORDER.get(a)! - TACTIC_ORDER.get(b)!),
    otherTags,
  };
}

/** Tactic shortnames in ATT&CK matrix order; names the project does not know go last, as they came. */
export function tacticsInMatrixOrder(tactics: readonly string[]): string[] {
  const rank = (t: string) => TACTIC_ORDER.get(t) ?? TACTICS.length;
  return [...new Set(tactics)].sort((a, b) => rank(a) - rank(b));
}

type TypeRule = { type: IncidentType; names: RegExp; techniques: string[]; tactics: string[] };

/**
 * In precedence order. The rule name decides first (it is the most specific signal: "Container
 * Drift Detected" is tagged T1059 like a shell, but its response is the malware playbook's), then
 * the rule's techniques (a `T1059` tag also matches `T1059.004`), then its tactics. The tactic
 * fallbacks choose the playbook whose first steps fit: execution in a container → the shell
 * playbook; privilege escalation in a container → the escape playbook (assume the node is reached).
 */
const TYPE_RULES: TypeRule[] = [
  { type: "CRYPTOMINING", names: /miner|mining|stratum|xmrig/i, techniques: ["T1496"], tactics: [] },
  {
    type: "CONTAINER_ESCAPE",
    names:
      /escape|release_agent|\bprivileged|excessively capable|unshare|thread namespace|nsenter|host sensitive path|sensitive mount|host ?(network|pid|path)|mount launched|debugfs|kernel module|core_pattern|container entrypoint/i,
    techniques: ["T1611", "T1068"],
    tactics: ["privilege-escalation"],
  },
  {
    type: "MALICIOUS_IMAGE",
    names: /disallowed container|malicious image|disallowed image|untrusted image|image not allowed|allowed registr/i,
    techniques: ["T1204.003", "T1525", "T1612"],
    tactics: [],
  },
  { type: "RANSOMWARE", names: /ransom|bulk data|encrypt(ed|ion) .*files/i, techniques: ["T1486", "T1485", "T1490"], tactics: [] },
  {
    type: "MALWARE",
    names:
      /drift|drop and execute|new binary|fileless|memfd|\/dev\/shm|malware|backdoor|trojan|rootkit|ingress remote file copy|class file download|decoding payload|preload|during npm|supply chain/i,
    techniques: ["T1105", "T1620", "T1027", "T1140", "T1014", "T1132"],
    tactics: ["command-and-control", "defense-evasion"],
  },
  {
    type: "CREDENTIAL_ACCESS",
    names: /sensitive file|private key|password|credential|metadata service|shadow|ssh information|secret|kubeconfig/i,
    techniques: ["T1552", "T1555", "T1003", "T1528", "T1110", "T1557", "T1556"],
    tactics: ["credential-access"],
  },
  {
    type: "SHELL_IN_CONTAINER",
    names:
      /terminal shell|shell (was )?spawned|spawned shell|run shell|shell in container|reverse shell|netcat|socat|redirect stdout|attach\/exec|exec(uted)? (in|into) (a )?pod|user interactive/i,
    techniques: ["T1059", "T1609"],
    tactics: ["execution"],
  },
  {
    type: "DATA_EXFILTRATION",
    names: /exfiltrat|remote file copy|upload/i,
    techniques: ["T1020", "T1030", "T1041", "T1048", "T1567", "T1537"],
    tactics: ["exfiltration", "collection"],
  },
  {
    type: "DISCOVERY",
    names: /recon|discovery|scan|contact k8s api|network tool|kubernetes client tool|read environment|enumerat|nmap/i,
    techniques: ["T1046", "T1613", "T1069", "T1083", "T1082", "T1057", "T1018", "T1087"],
    tactics: ["discovery", "reconnaissance"],
  },
  {
    type: "PERSISTENCE",
    names:
      /persist|cron|authorized_keys|ssh keys|user mgmt|write below|shell configuration file|package|serviceaccount|clusterrole|role ?binding/i,
    techniques: ["T1098", "T1136", "T1543", "T1053", "T1546", "T1505", "T1547", "T1037", "T1574"],
    tactics: ["persistence"],
  },
];

function techniqueIds(tags: readonly string[]): string[] {
  return tags.map((t) => t.trim().toUpperCase()).filter((t) => /^T\d{4}(?:\.\d{3})?$/.test(t));
}

/** Incident type from the rule name and its tags; OTHER when nothing points anywhere. */
export function incidentTypeFor(rule: string, tags: readonly string[]): IncidentType {
  const byName = TYPE_RULES.find((r) => r.names.test(rule));
  if (byName) return byName.type;
  const ids = techniqueIds(tags);
  const byTechnique = TYPE_RULES.find((r) => r.techniques.some((p) => ids.some((id) => id === p || id.startsWith(`${p}.`))));
  if (byTechnique) return byTechnique.type;
  // The rule's own `mitre_*` tactic before a `TA####` id: Falco's rules use TA0011 loosely
  // ("Unexpected UDP Traffic" is tagged mitre_exfiltration and TA0011, command and control).
  const named = attackFromTags(tags.filter((t) => /^mitre_/i.test(t.trim()))).tactics;
  const all = attackFromTags(tags).tactics;
  for (const tactics of [named, all]) {
    const byTactic = TYPE_RULES.find((r) => r.tactics.some((t) => tactics.includes(t)));
    if (byTactic) return byTactic.type;
  }
  return "OTHER";
}

/**
 * Titles are built from alert fields, which the container's owner writes: each part and the whole
 * are capped so that a 10,000-character rule or namespace makes a long title, not a broken board.
 */
export const INCIDENT_TITLE_MAX = 200;
const TITLE_PART_MAX = 80;

function capPart(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** e.g. `Terminal shell in container — payments-api in prod-eu/payments`. */
export function incidentTitle(
  rule: string,
  where: { cluster: string | null; namespace: string | null; workload: string | null; node?: string | null },
): string {
  const part = (value: string | null | undefined) => (value ? capPart(value, TITLE_PART_MAX) : null);
  const scope = [part(where.cluster), part(where.namespace)].filter(Boolean).join("/");
  const subject = part(where.workload) ?? (where.node ? `node ${part(where.node)}` : null);
  const place = subject && scope ? `${subject} in ${scope}` : (subject ?? scope);
  return capPart(place ? `${capPart(rule, TITLE_PART_MAX * 2)} — ${place}` : rule, INCIDENT_TITLE_MAX);
}
