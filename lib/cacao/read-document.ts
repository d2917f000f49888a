import { cacaoToPlaybook, type ImportedPlaybook } from "@/lib/cacao/import";
import { semanticProblems } from "@/lib/cacao/semantic";
import type { CacaoPlaybook, CacaoProblem } from "@/lib/cacao/types";
import { cacaoValidator, type CacaoValidator } from "@/lib/cacao/validator";
import { jsonErrorPosition } from "@/lib/domain/json-error-position";
import { MAX_STEPS } from "@/lib/validation/playbooks";

/** Under Next.js's 1 MB server-action body limit; the largest genuine example is about 11 kB. */
export const MAX_CACAO_CHARS = 900_000;
/** A list longer than this stops helping; the rest is counted. */
export const PROBLEM_LIST_LIMIT = 20;

export type CacaoReadResult =
  { ok: true; document: CacaoPlaybook; playbook: ImportedPlaybook } | { ok: false; message: string; problems: string[] };

/** `<JSON pointer>: <message>` lines, at most `limit`, then "and N more". */
export function problemLines(problems: readonly CacaoProblem[], limit = PROBLEM_LIST_LIMIT): string[] {
  const lines = [...new Set(problems.map((p) => `${p.path || "/"}: ${p.message}`))];
  if (lines.length <= limit) return lines;
  return [...lines.slice(0, limit), `and ${lines.length - limit} more`];
}

function notJson(text: string): string {
  const offset = jsonErrorPosition(text);
  if (offset === null) return "This is not JSON. A CACAO 2.0 playbook is one JSON object.";
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  const reason = offset >= text.length ? "the text ends too early (is it cut off?)" : `unexpected ${JSON.stringify(text[offset])}`;
  return `This is not JSON: line ${line}, column ${column}: ${reason}.`;
}

/**
 * Everything an import checks, in order, without touching the database: JSON syntax (with line and
 * column), the OASIS CACAO 2.0 schemas, then what the schemas cannot express, then the mapping to
 * a Bulkhead playbook. Problems are listed as `<JSON pointer>: <message>`. The app always uses the
 * vendored schemas; `validatorOverride` lets the conformance run use the original OASIS files.
 */
export function readCacaoDocument(text: string, validatorOverride?: CacaoValidator): CacaoReadResult {
  const trimmed = text.replace(/^\uFEFF/, "");
  if (!trimmed.trim()) return { ok: false, message: "Nothing to import: paste or upload a CACAO 2.0 playbook (JSON).", problems: [] };
  if (trimmed.length > MAX_CACAO_CHARS) {
    return {
      ok: false,
      message: `That is more than ${MAX_CACAO_CHARS.toLocaleString("en")} characters; Bulkhead imports playbooks up to that size.`,
      problems: [],
    };
  }
  let document: unknown;
  try {
    document = JSON.parse(trimmed);
  } catch {
    return { ok: false, message: notJson(trimmed), problems: [] };
  }
  // Compiled only now: text that is not even JSON never waits for the schemas.
  const validator = validatorOverride ?? cacaoValidator();
  const schema = validator.problems(document);
  if (schema.length) {
    return {
      ok: false,
      message: `This is not a valid CACAO 2.0 playbook: ${count(schema.length)} against the OASIS schemas. Nothing was imported.`,
      problems: problemLines(schema),
    };
  }
  const playbook = document as CacaoPlaybook;
  const semantic = semanticProblems(playbook, validator.isEmail);
  if (semantic.length) {
    return {
      ok: false,
      message: `This CACAO 2.0 playbook cannot be used: ${count(semantic.length)} in its workflow or definitions. Nothing was imported.`,
      problems: problemLines(semantic),
    };
  }
  const imported = cacaoToPlaybook(playbook);
  if (imported.steps.length > MAX_STEPS) {
    return {
      ok: false,
      message: `This playbook has ${imported.steps.length} steps; Bulkhead playbooks hold at most ${MAX_STEPS}. Nothing was imported.`,
      problems: [],
    };
  }
  return { ok: true, document: playbook, playbook: imported };
}

const count = (n: number) => `${n} problem${n === 1 ? "" : "s"}`;
