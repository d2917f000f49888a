/**
 * Importing a cluster's namespaces from what `kubectl get namespaces -o json` prints. kubectl prints
 * a `List` (apiVersion v1) whose items are `Namespace` objects; the API server itself answers with a
 * `NamespaceList`; `kubectl get namespace <name> -o json` prints one `Namespace`. All three are
 * accepted, anything else is refused with a message saying what it is instead.
 *
 * The plan of an import only adds namespaces and refreshes their labels: a namespace that the plan
 * knows but the list lacks is reported, never deleted (the list may come from a narrower context,
 * and ownership history hangs off it). Owners may be pre-filled from person labels, but only into a
 * namespace with no DevOps owners of its own and only as a complete, valid set (a primary and a
 * different secondary), so that an import can never leave a scope breaking the ownership rules.
 */
import { z } from "zod";
import { jsonErrorPosition } from "@/lib/domain/json-error-position";

export type ImportedNamespace = { name: string; labels: Record<string, string> };

export type ParsedNamespaceList = { ok: true; namespaces: ImportedNamespace[] } | { ok: false; error: string };

/** DNS-1123 label: what Kubernetes accepts as a namespace name. */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const EXPECTED = "expected the output of kubectl get namespaces -o json";

const NamespaceObject = z.object({
  apiVersion: z.literal("v1", { error: "apiVersion must be v1" }).optional(),
  kind: z.literal("Namespace").optional(),
  metadata: z.object(
    {
      name: z
        .string({ error: "the namespace has no name" })
        .max(63, "a namespace name has at most 63 characters")
        .regex(DNS1123_LABEL, "not a valid namespace name (lowercase letters, digits and '-', starting and ending with a letter or digit)"),
      labels: z.record(z.string(), z.string({ error: "label values must be strings" })).nullish(),
    },
    { error: "the item has no metadata" },
  ),
});

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "a JSON array";
  if (value === null) return "null";
  return `a JSON ${typeof value}`;
}

/** `line 3, column 7` for a character offset, for parse errors that only give a position. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  return { line, column: position - before.lastIndexOf("\n") };
}

function jsonSyntaxError(text: string): string {
  const trimmed = text.trimStart();
  if (/^NAME\s+STATUS/.test(trimmed)) {
    return `This is kubectl's table output, ${EXPECTED} (add -o json to the command).`;
  }
  if (/^(?:apiVersion|kind|items):/m.test(trimmed.slice(0, 200))) return `This looks like YAML, ${EXPECTED} (use -o json, not -o yaml).`;
  const position = jsonErrorPosition(text);
  if (position === null) return `This is not valid JSON. Paste the complete output of kubectl get namespaces -o json.`;
  const { line, column } = lineAndColumn(text, position);
  const reason = position >= text.length ? "the text ends too early (is it cut off?)" : `unexpected ${JSON.stringify(text[position])}`;
  return `This is not valid JSON at line ${line}, column ${column}: ${reason}. Paste the complete output of kubectl get namespaces -o json.`;
}

function zodIssue(error: z.ZodError, single: boolean, items: unknown[]): string {
  const issue = error.issues[0]!;
  const [index, ...rest] = issue.path;
  const item = typeof index === "number" ? (items[index] as { metadata?: { name?: unknown } } | undefined) : undefined;
  const name = typeof item?.metadata?.name === "string" ? ` ('${item.metadata.name}')` : "";
  const field = rest.map(String).join(".");
  const path = single ? field : `items[${String(index)}]${field ? `.${field}` : ""}`;
  return `${path || "The namespace"}${name}: ${issue.message}. Nothing was imported.`;
}

/** Parses and checks pasted text. Errors are whole sentences for the person who pasted it. */
export function parseNamespaceList(text: string): ParsedNamespaceList {
  if (!text.trim()) return { ok: false, error: `Nothing to import: paste the output of kubectl get namespaces -o json.` };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { ok: false, error: jsonSyntaxError(text) };
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return { ok: false, error: `This is ${describeValue(document)}, ${EXPECTED} (an object with kind List or NamespaceList).` };
  }
  const { kind, apiVersion, items } = document as { kind?: unknown; apiVersion?: unknown; items?: unknown };
  if (typeof kind !== "string") return { ok: false, error: `This JSON has no Kubernetes kind, ${EXPECTED}.` };

  let raw: unknown[];
  if (kind === "Namespace") {
    raw = [document];
  } else if (kind === "NamespaceList" || kind === "List") {
    if (!Array.isArray(items)) return { ok: false, error: `This ${kind} has no items array, ${EXPECTED}.` };
    const foreign = items.find(
      (i) => (i as { kind?: unknown } | null)?.kind !== undefined && (i as { kind?: unknown }).kind !== "Namespace",
    );
    if (foreign !== undefined) {
      const itemKind = String((foreign as { kind: unknown }).kind);
      return { ok: false, error: `This is a List of ${itemKind} objects, ${EXPECTED}.` };
    }
    raw = items;
  } else {
    return { ok: false, error: `This is a ${kind}, ${EXPECTED}.` };
  }
  if (apiVersion !== "v1") {
    return { ok: false, error: `Expected apiVersion v1 (core Kubernetes), got ${JSON.stringify(apiVersion ?? null)}; ${EXPECTED}.` };
  }
  if (raw.length === 0) {
    return {
      ok: false,
      error:
        "The list has no namespaces, so there is nothing to import. Check that kubectl points at the right cluster (kubectl config current-context).",
    };
  }

  const parsed = z.array(NamespaceObject).safeParse(raw);
  if (!parsed.success) return { ok: false, error: zodIssue(parsed.error, kind === "Namespace", raw) };

  const seen = new Set<string>();
  const namespaces: ImportedNamespace[] = [];
  for (const item of parsed.data) {
    const name = item.metadata.name;
    if (seen.has(name)) return { ok: false, error: `The namespace '${name}' appears twice in the list. Nothing was imported.` };
    seen.add(name);
    namespaces.push({ name, labels: { ...(item.metadata.labels ?? {}) } });
  }
  return { ok: true, namespaces };
}

// ─────────────────────────── owner pre-fill from labels ───────────────────────────

/** Label keys that may name the primary owner, strongest first. `team` rarely names a person; it is tried last. */
export const PRIMARY_OWNER_LABELS = ["bulkhead.io/primary-owner", "owner", "app.kubernetes.io/owner", "team"] as const;
export const SECONDARY_OWNER_LABELS = ["bulkhead.io/secondary-owner"] as const;

export type ContactForMatch = { id: string; name: string; email: string; active: boolean };

/** Case- and accent-insensitive, with any run of punctuation or spaces treated alike: `Chloé_Martin` ~ `chloe.martin`. */
function normalise(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The contacts a label value names, by full email, email local part or name. */
export function contactsMatching<C extends ContactForMatch>(value: string, contacts: readonly C[]): C[] {
  const wanted = normalise(value);
  if (!wanted) return [];
  return contacts.filter((c) => {
    const email = c.email.toLowerCase();
    return email === value.toLowerCase() || normalise(email.split("@")[0] ?? "") === wanted || normalise(c.name) === wanted;
  });
}

export type PrefillPick = { id: string; name: string; label: string; value: string };

export type OwnerPrefill = {
  primary: PrefillPick | null;
  secondary: PrefillPick | null;
  /** True when the pick is complete and valid and will be written on apply. */
  applies: boolean;
  /** Why labels were not (fully) used, in words. */
  notes: string[];
};

function pick<C extends ContactForMatch>(
  labels: Record<string, string>,
  keys: readonly string[],
  contacts: readonly C[],
  notes: string[],
): PrefillPick | null {
  for (const key of keys) {
    const value = labels[key];
    if (value === undefined || value === "") continue;
    const matches = contactsMatching(value, contacts);
    if (matches.length === 1) {
      const [c] = matches as [C];
      if (c.active) return { id: c.id, name: c.name, label: key, value };
      notes.push(`${key}=${value} names ${c.name}, who is inactive.`);
    } else if (matches.length > 1) {
      notes.push(`${key}=${value} matches ${matches.length} contacts (${matches.map((m) => m.name).join(", ")}); set the owner by hand.`);
    } else if (key !== "team") {
      notes.push(`${key}=${value} matches no contact.`);
    }
  }
  return null;
}

export function prefillOwners<C extends ContactForMatch>(labels: Record<string, string>, contacts: readonly C[]): OwnerPrefill {
  const notes: string[] = [];
  const primary = pick(labels, PRIMARY_OWNER_LABELS, contacts, notes);
  const secondary = pick(labels, SECONDARY_OWNER_LABELS, contacts, notes);
  let applies = primary !== null && secondary !== null;
  if (primary && secondary && primary.id === secondary.id) {
    notes.push(`The primary and secondary labels both name ${primary.name}; the secondary must be a different person.`);
    applies = false;
  } else if (primary && !secondary) {
    notes.push(
      `No secondary owner label (${SECONDARY_OWNER_LABELS.join(", ")}) names a contact, so ${primary.name} is only a suggestion: set the owners in the matrix.`,
    );
  } else if (!primary && secondary) {
    notes.push(`No primary owner label names a contact, so ${secondary.name} is only a suggestion: set the owners in the matrix.`);
  }
  return { primary, secondary, applies, notes };
}

// ─────────────────────────── the plan of an import ───────────────────────────

export type ExistingNamespace = { name: string; isPattern: boolean; labels: Record<string, string> | null; hasOwnDevOpsOwners: boolean };

export type LabelChange = { key: string; before: string | null; after: string | null };

export type NamespaceImportPlan = {
  add: { name: string; labels: Record<string, string>; prefill: OwnerPrefill | null }[];
  /** Label changes, and/or owners pre-filled into a namespace that had none. */
  update: { name: string; labelChanges: LabelChange[]; labels: Record<string, string>; prefill: OwnerPrefill | null }[];
  unchanged: string[];
  /** In the plan but not in the pasted list: reported, never deleted. */
  notInList: string[];
};

export function labelChanges(before: Record<string, string> | null, after: Record<string, string>): LabelChange[] {
  const old = before ?? {};
  const keys = [...new Set([...Object.keys(old), ...Object.keys(after)])].sort();
  return keys.filter((key) => old[key] !== after[key]).map((key) => ({ key, before: old[key] ?? null, after: after[key] ?? null }));
}

function hasPrefillNews(p: OwnerPrefill): boolean {
  return p.primary !== null || p.secondary !== null || p.notes.length > 0;
}

export function planNamespaceImport<C extends ContactForMatch>(
  existing: readonly ExistingNamespace[],
  incoming: readonly ImportedNamespace[],
  contacts: readonly C[],
): NamespaceImportPlan {
  const byName = new Map(existing.filter((e) => !e.isPattern).map((e) => [e.name, e]));
  const plan: NamespaceImportPlan = { add: [], update: [], unchanged: [], notInList: [] };
  for (const ns of [...incoming].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const current = byName.get(ns.name);
    const prefill = current?.hasOwnDevOpsOwners ? null : prefillOwners(ns.labels, contacts);
    if (!current) {
      plan.add.push({ name: ns.name, labels: ns.labels, prefill: prefill && hasPrefillNews(prefill) ? prefill : null });
      continue;
    }
    const changes = labelChanges(current.labels, ns.labels);
    if (changes.length > 0 || prefill?.applies) {
      plan.update.push({
        name: ns.name,
        labelChanges: changes,
        labels: ns.labels,
        prefill: prefill && hasPrefillNews(prefill) ? prefill : null,
      });
    } else {
      plan.unchanged.push(ns.name);
    }
  }
  const listed = new Set(incoming.map((n) => n.name));
  plan.notInList = [...byName.keys()].filter((name) => !listed.has(name)).sort();
  return plan;
}

export function importPlanHasChanges(plan: NamespaceImportPlan): boolean {
  return plan.add.length > 0 || plan.update.length > 0;
}
