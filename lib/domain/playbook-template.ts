import { checkKubernetesName, type NameKind } from "@/lib/domain/kubernetes-names";
import { encodeFor, generalRefusal, placeholderContexts, shellRefusal, type PlaceholderContext } from "@/lib/domain/template-encoding";

/**
 * `{{placeholders}}` in playbook steps: the container context an incident carries. Anything else
 * would render as literal braces in front of a responder, so publishing refuses unknown names.
 */
export const PLACEHOLDER_VOCABULARY = [
  "cluster",
  "namespace",
  "pod",
  "container_id",
  "container_name",
  "image",
  "image_digest",
  "node",
  "workload",
  "incident_key",
  "primary_owner",
  "secondary_owner",
] as const;

export type Placeholder = (typeof PLACEHOLDER_VOCABULARY)[number];

/** The values a run renders its steps with; a missing value renders as a visible marker. */
export type TemplateContext = Partial<Record<Placeholder, string | null>>;

const KNOWN = new Set<string>(PLACEHOLDER_VOCABULARY);
/** The name is trimmed after the match: `\s*` around a lazy group backtracks on long whitespace runs. */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/**
 * Which of Kubernetes' naming rules a value must follow (lib/domain/kubernetes-names); null for
 * values that are not names (the incident key, people's names), which only the encoding guards.
 */
export const PLACEHOLDER_NAME_RULES: Record<Placeholder, NameKind | null> = {
  cluster: "cluster",
  namespace: "namespace",
  pod: "pod",
  container_id: "container_id",
  container_name: "container_name",
  image: "image",
  image_digest: "image_digest",
  node: "node",
  workload: "workload",
  incident_key: null,
  primary_owner: null,
  secondary_owner: null,
};

/**
 * Go template actions, which `kubectl -o go-template=…` and Helm commands in a step carry, are not
 * ours and stay as written: they start with a field or variable (`.metadata.name`, `$pod`), a
 * string or parenthesis, or a keyword or builtin (`range .items`, `end`, `printf "%s" .x`).
 */
const GO_TEMPLATE_ACTION =
  /^(?:[.$"`(]|(?:range|if|else|end|with|define|template|block|break|continue|and|or|not|len|index|slice|print|printf|println|eq|ne|lt|le|gt|ge|call|html|js|urlquery)(?![\w-]))/;

/** Every placeholder name used in the text, in order of first use (Go template actions are not placeholders). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => (m[1] ?? "").trim()).filter((name) => !GO_TEMPLATE_ACTION.test(name)))];
}

/** Names the vocabulary does not know (including malformed ones such as `{{ }}`). */
export function unknownPlaceholders(text: string): string[] {
  return placeholdersIn(text).filter((name) => !KNOWN.has(name));
}

export type RefusedContextValue = {
  placeholder: Placeholder;
  /** As the alert sent it (already capped at ingest): show it only as inert text. */
  value: string;
  reason: string;
  /** True when the value is refused only inside commands (code), and shown as text elsewhere. */
  commandsOnly: boolean;
};

/** Why a context value is never rendered as itself, or null when it may be. */
export function contextValueRefusal(name: Placeholder, value: string): string | null {
  const rule = PLACEHOLDER_NAME_RULES[name];
  if (rule) {
    const check = checkKubernetesName(rule, value);
    if (!check.ok) return check.reason;
  }
  return generalRefusal(value);
}

/** The values of a run's context that its instructions do not show as themselves, and why. */
export function refusedContextValues(context: TemplateContext): RefusedContextValue[] {
  const refused: RefusedContextValue[] = [];
  for (const name of PLACEHOLDER_VOCABULARY) {
    const value = context[name];
    if (!value) continue;
    const reason = contextValueRefusal(name, value);
    if (reason) refused.push({ placeholder: name, value, reason, commandsOnly: false });
    else {
      const inCommands = shellRefusal(value);
      if (inCommands) refused.push({ placeholder: name, value, reason: inCommands, commandsOnly: true });
    }
  }
  return refused;
}

/** A marker with no space, for links and HTML, where a space would end the destination. */
const marker = (name: string, what: string, strict: boolean) => `‹${name}${strict ? "\u00a0" : " "}${what}›`;

/**
 * Fills in the context, each value encoded for where its placeholder stands (code, prose, link;
 * lib/domain/template-encoding). A value the incident lacks becomes `‹name unknown›` rather than an
 * empty string, so a command like `kubectl -n  delete` never reads as complete; a value that is not
 * a valid name, or cannot be written safely where it stands, becomes `‹name refused›`.
 */
export function renderTemplate(text: string, context: TemplateContext): string {
  let contextAt: ((start: number, end: number) => PlaceholderContext) | null = null;
  return text.replace(PLACEHOLDER, (whole, inner: string, offset: number) => {
    const name = inner.trim();
    if (!KNOWN.has(name)) return whole;
    const placeholder = name as Placeholder;
    contextAt ??= placeholderContexts(text);
    const where = contextAt(offset, offset + whole.length);
    const value = context[placeholder];
    if (!value) return marker(name, "unknown", where === "strict");
    if (contextValueRefusal(placeholder, value)) return marker(name, "refused", where === "strict");
    const encoded = encodeFor(where, value);
    return encoded.ok ? encoded.text : marker(name, "refused", where === "strict");
  });
}
