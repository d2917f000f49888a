import { foldUnchanged, lineDiff, type DiffEntry } from "@/lib/domain/line-diff";

/**
 * The plan's text sections, in the order the plan reads. Keys and titles are fixed (they are the
 * keys of the seeded revision 1, prisma/seed-data/plan.ts); only the bodies are edited.
 */
export const PLAN_SECTION_DEFINITIONS = [
  { key: "scope", title: "Scope" },
  { key: "severity", title: "Severity definitions" },
  { key: "communication", title: "Communication" },
  { key: "evidence", title: "Evidence handling" },
  { key: "containment", title: "Containment authority" },
] as const;

export type PlanSectionKey = (typeof PLAN_SECTION_DEFINITIONS)[number]["key"];
export type PlanSection = { key: PlanSectionKey; title: string; body: string };

export const PLAN_SECTION_KEYS: readonly PlanSectionKey[] = PLAN_SECTION_DEFINITIONS.map((d) => d.key);

/** Long enough for a thorough section with tables; short enough to keep diffs and exports quick. */
export const MAX_SECTION_BODY = 20_000;

export function isPlanSectionKey(value: string): value is PlanSectionKey {
  return (PLAN_SECTION_KEYS as readonly string[]).includes(value);
}

export function sectionTitle(key: PlanSectionKey): string {
  return PLAN_SECTION_DEFINITIONS.find((d) => d.key === key)!.title;
}

/** Textareas submit CRLF; stored text uses LF so that a diff shows only real changes. */
export function normalizeBody(body: string): string {
  return body.replace(/\r\n?/g, "\n");
}

/**
 * Reads the `sections` JSON of a stored revision into the fixed order with the fixed titles. A
 * section missing from the stored JSON reads as empty; unknown keys are ignored.
 */
export function readPlanSections(stored: unknown): PlanSection[] {
  const bodies = new Map<string, string>();
  if (Array.isArray(stored)) {
    for (const item of stored) {
      if (item && typeof item === "object" && typeof item.key === "string" && typeof item.body === "string") {
        bodies.set(item.key, item.body);
      }
    }
  }
  return PLAN_SECTION_DEFINITIONS.map((d) => ({ key: d.key, title: d.title, body: bodies.get(d.key) ?? "" }));
}

/** An empty plan, for the first draft when nothing has been published yet. */
export function emptyPlanSections(): PlanSection[] {
  return readPlanSections([]);
}

/**
 * Applies edited bodies to a revision's sections. Returns the new sections, or per-section
 * messages keyed by section key when a body is too long or a key is not a plan section.
 */
export function applySectionEdits(
  current: readonly PlanSection[],
  edits: Readonly<Record<string, string | undefined>>,
): { ok: true; sections: PlanSection[]; changedKeys: PlanSectionKey[] } | { ok: false; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, body] of Object.entries(edits)) {
    if (body === undefined) continue;
    if (!isPlanSectionKey(key)) fieldErrors[key] = ["Not a section of the plan"];
    else if (normalizeBody(body).length > MAX_SECTION_BODY) {
      fieldErrors[key] = [
        `${sectionTitle(key)} is ${normalizeBody(body).length.toLocaleString("en")} characters; the limit is ${MAX_SECTION_BODY.toLocaleString("en")}`,
      ];
    }
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const changedKeys: PlanSectionKey[] = [];
  const sections = readPlanSections(current).map((section) => {
    const edit = edits[section.key];
    if (edit === undefined) return section;
    const body = normalizeBody(edit);
    if (body !== section.body) changedKeys.push(section.key);
    return { ...section, body };
  });
  return { ok: true, sections, changedKeys };
}

export type { DiffEntry, DiffLine } from "@/lib/domain/line-diff";

export type SectionDiff = {
  key: PlanSectionKey;
  title: string;
  changed: boolean;
  added: number;
  removed: number;
  entries: DiffEntry[];
};

/**
 * A section-by-section line diff of `next` against `base` (the published revision; null when
 * nothing is published, so every line is new). `context` unchanged lines are kept around each
 * change; Infinity keeps every line.
 */
export function diffPlanSections(base: readonly PlanSection[] | null, next: readonly PlanSection[], context = 3): SectionDiff[] {
  const baseSections = readPlanSections(base ?? []);
  const nextSections = readPlanSections(next);
  return nextSections.map((section, index) => {
    const before = baseSections[index]!.body;
    const lines = lineDiff(before, section.body);
    const added = lines.filter((l) => l.kind === "added").length;
    const removed = lines.filter((l) => l.kind === "removed").length;
    const changed = before !== section.body;
    return {
      key: section.key,
      title: section.title,
      changed,
      added,
      removed,
      entries: changed ? foldUnchanged(lines, context) : [],
    };
  });
}

export type PublishedRevisionRef = { number: number | null; publishedAt: Date | null };

/**
 * The plan in force at `at`: the published revision with the greatest `publishedAt` not after
 * `at`, or null when nothing had been published by then. Drafts (no `publishedAt`) never count.
 */
export function planInForceAt<T extends PublishedRevisionRef>(revisions: readonly T[], at: Date): T | null {
  let best: T | null = null;
  for (const revision of revisions) {
    if (!revision.publishedAt || revision.publishedAt.getTime() > at.getTime()) continue;
    if (
      !best ||
      revision.publishedAt.getTime() > best.publishedAt!.getTime() ||
      (revision.publishedAt.getTime() === best.publishedAt!.getTime() && (revision.number ?? 0) > (best.number ?? 0))
    ) {
      best = revision;
    }
  }
  return best;
}
