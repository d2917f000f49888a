import { diffLines } from "diff";

/** One line of a text diff, and the folded form shown to people (long unchanged runs skipped). */
export type DiffLine = { kind: "added" | "removed" | "unchanged"; text: string };
export type DiffEntry = DiffLine | { kind: "skipped"; count: number };

/** Every line ends in a newline, so appending after a last line without one changes one line, not two. */
function withFinalNewline(value: string): string {
  return value === "" || value.endsWith("\n") ? value : `${value}\n`;
}

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The line-by-line diff from `before` to `after`. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const change of diffLines(withFinalNewline(before), withFinalNewline(after))) {
    const kind = change.added ? "added" : change.removed ? "removed" : "unchanged";
    for (const text of splitLines(change.value)) lines.push({ kind, text });
  }
  return lines;
}

/** Folds runs of unchanged lines longer than twice `context` around the changes. */
export function foldUnchanged(lines: readonly DiffLine[], context: number): DiffEntry[] {
  const out: DiffEntry[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.kind !== "unchanged") {
      out.push(lines[i]!);
      i += 1;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]!.kind === "unchanged") j += 1;
    const run = lines.slice(i, j);
    const keepBefore = i === 0 ? 0 : context;
    const keepAfter = j === lines.length ? 0 : context;
    if (run.length > keepBefore + keepAfter + 1) {
      out.push(
        ...run.slice(0, keepBefore),
        { kind: "skipped", count: run.length - keepBefore - keepAfter },
        ...run.slice(run.length - keepAfter),
      );
    } else {
      out.push(...run);
    }
    i = j;
  }
  return out;
}
