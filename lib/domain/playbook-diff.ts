import { foldUnchanged, lineDiff, type DiffEntry, type DiffLine } from "@/lib/domain/line-diff";
import { orderSteps, type PlaybookStepRecord } from "@/lib/domain/playbook-steps";

export type DiffableStep = PlaybookStepRecord;

export const COMPARED_FIELDS = ["phase", "title", "responsibleRole", "evidenceExpected", "expectedMinutes"] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];
export type FieldChange = { field: ComparedField; from: string | number | null; to: string | number | null };

export type InstructionLine = DiffLine;
/** Unchanged lines far from a change fold into one `skipped` entry. */
export type InstructionDiffEntry = DiffEntry;

export type StepDiff<S extends DiffableStep = DiffableStep> =
  | { kind: "added"; step: S }
  | { kind: "removed"; step: S }
  | {
      kind: "changed" | "unchanged";
      from: S;
      to: S;
      fields: FieldChange[];
      /** Null when the instructions are identical. */
      instructions: InstructionDiffEntry[] | null;
      /** Its order relative to the other kept steps changed (not merely shifted by an insert). */
      moved: boolean;
    };

export type PlaybookDiff<S extends DiffableStep = DiffableStep> = {
  steps: StepDiff<S>[];
  summary: { added: number; removed: number; changed: number; moved: number; unchanged: number };
};

const normTitle = (title: string) => title.trim().toLowerCase().replace(/\s+/g, " ");

const instructionLines = lineDiff;

/** Share of lines two texts have in common (Dice coefficient over the line diff), 0..1. */
export function instructionSimilarity(a: string, b: string): number {
  const lines = instructionLines(a, b);
  const common = lines.filter((l) => l.kind === "unchanged").length;
  const total = lines.length + common;
  return total === 0 ? 1 : (2 * common) / total;
}

/** Indexes (into `seq`) of one longest strictly increasing subsequence. */
function longestIncreasing(seq: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i += 1) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) keep.add(k);
  return keep;
}

/** Renamed steps are still recognised when this share of their instruction lines survived. */
const RENAME_SIMILARITY = 0.6;

/**
 * What changed between two versions' steps. Step rows are copied into each new draft, so steps
 * are matched by title first, then (for renamed ones) by instructions that stayed mostly the same
 * within the same phase; whatever is left was removed or added.
 */
export function diffPlaybookSteps<S extends DiffableStep>(fromSteps: readonly S[], toSteps: readonly S[], context = 3): PlaybookDiff<S> {
  const from = orderSteps(fromSteps);
  const to = orderSteps(toSteps);
  const matchOf = new Map<number, number>(); // from index → to index
  const taken = new Set<number>();
  from.forEach((f, i) => {
    const j = to.findIndex((t, k) => !taken.has(k) && normTitle(t.title) === normTitle(f.title));
    if (j >= 0) {
      matchOf.set(i, j);
      taken.add(j);
    }
  });
  const candidates: { i: number; j: number; score: number }[] = [];
  from.forEach((f, i) => {
    if (matchOf.has(i)) return;
    to.forEach((t, j) => {
      if (taken.has(j) || t.phase !== f.phase) return;
      const score = instructionSimilarity(f.instructions, t.instructions);
      if (score >= RENAME_SIMILARITY) candidates.push({ i, j, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  for (const c of candidates) {
    if (matchOf.has(c.i) || taken.has(c.j)) continue;
    matchOf.set(c.i, c.j);
    taken.add(c.j);
  }

  const pairs = [...matchOf.entries()].sort((a, b) => a[0] - b[0]);
  const inOrder = longestIncreasing(pairs.map(([, j]) => j));
  const movedTo = new Set(pairs.filter((_, k) => !inOrder.has(k)).map(([, j]) => j));
  const fromOf = new Map(pairs.map(([i, j]) => [j, i]));

  const keyed: { key: [number, number, number]; diff: StepDiff<S> }[] = [];
  to.forEach((t, j) => {
    const i = fromOf.get(j);
    if (i === undefined) {
      keyed.push({ key: [j, 0, 0], diff: { kind: "added", step: t } });
      return;
    }
    const f = from[i]!;
    const fields = COMPARED_FIELDS.filter((field) => f[field] !== t[field]).map((field) => ({ field, from: f[field], to: t[field] }));
    const instructions =
      f.instructions === t.instructions ? null : foldUnchanged(instructionLines(f.instructions, t.instructions), context);
    const moved = movedTo.has(j);
    const kind = fields.length || instructions || moved ? "changed" : "unchanged";
    keyed.push({ key: [j, 0, 0], diff: { kind, from: f, to: t, fields, instructions, moved } });
  });
  from.forEach((f, i) => {
    if (matchOf.has(i)) return;
    // A removed step is shown where it stood: after the kept step that preceded it.
    let anchor = -1;
    for (let k = i - 1; k >= 0; k -= 1) {
      const j = matchOf.get(k);
      if (j !== undefined) {
        anchor = j;
        break;
      }
    }
    keyed.push({ key: [anchor, 1, i], diff: { kind: "removed", step: f } });
  });
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  const steps = keyed.map((k) => k.diff);
  const count = (kind: StepDiff["kind"]) => steps.filter((s) => s.kind === kind).length;
  return {
    steps,
    summary: {
      added: count("added"),
      removed: count("removed"),
      changed: count("changed"),
      moved: movedTo.size,
      unchanged: count("unchanged"),
    },
  };
}
