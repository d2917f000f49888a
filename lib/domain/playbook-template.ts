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
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Go template actions, which `kubectl -o go-template=…` and Helm commands in a step carry, are not
 * ours and stay as written: they start with a field or variable (`.metadata.name`, `$pod`), a
 * string or parenthesis, or a keyword or builtin (`range .items`, `end`, `printf "%s" .x`).
 */
const GO_TEMPLATE_ACTION =
  /^(?:[.$"`(]|(?:range|if|else|end|with|define|template|block|break|continue|and|or|not|len|index|slice|print|printf|println|eq|ne|lt|le|gt|ge|call|html|js|urlquery)(?![\w-]))/;

/** Every placeholder name used in the text, in order of first use (Go template actions are not placeholders). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "").filter((name) => !GO_TEMPLATE_ACTION.test(name)))];
}

/** Names the vocabulary does not know (including malformed ones such as `{{ }}`). */
export function unknownPlaceholders(text: string): string[] {
  return placeholdersIn(text).filter((name) => !KNOWN.has(name));
}

/**
 * Fills in the context. A value the incident lacks becomes `‹name unknown›` rather than an empty
 * string, so a command like `kubectl -n  delete` never reads as complete.
 */
export function renderTemplate(text: string, context: TemplateContext): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!KNOWN.has(name)) return whole;
    const value = context[name as Placeholder];
    return value ? value : `‹${name} unknown›`;
  });
}
