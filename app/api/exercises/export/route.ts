import { stringify } from "csv-stringify/sync";
import { exportExercisesCsv, exportExercisesJson, type ExportStamp } from "@/lib/dal/exercises/export";
import {
  csvRecords,
  EXERCISE_EXPORT_FORMAT,
  exportColumns,
  exportJson,
  type CsvPage,
  type ExportedExercise,
  type ExportTable,
} from "@/lib/domain/exercises/export";
import { authedRoute } from "@/lib/http/route-handler";
import { ExerciseExportQuery } from "@/lib/validation/exercises";

export const dynamic = "force-dynamic";

/**
 * The auditors' export of the exercise record: `?format=json` (every exercise with its
 * participants, playbooks, techniques, plan revision, prerequisite or override, findings and
 * action items) or `?format=csv&table=exercises|findings|action-items` (RFC 4180, CRLF, a header
 * row, formula-neutralised cells). Streamed a page of exercises at a time; stamped with the time
 * and the audit chain's head, in the JSON document and in headers and file name for CSV.
 */
async function* csv(pages: AsyncGenerator<CsvPage>, table: ExportTable, now: Date): AsyncGenerator<string> {
  yield stringify([[...exportColumns(table)]], { record_delimiter: "windows" });
  for await (const page of pages) yield stringify(csvRecords(page, now), { record_delimiter: "windows" });
}

async function* json(pages: AsyncGenerator<ExportedExercise[]>, stamp: ExportStamp): AsyncGenerator<string> {
  const head = { format: EXERCISE_EXPORT_FORMAT, exportedAt: stamp.exportedAt, auditHead: stamp.auditHead };
  yield `${JSON.stringify(head).slice(0, -1)},"exercises":[`;
  let first = true;
  for await (const page of pages) {
    for (const e of page) {
      yield `${first ? "" : ","}\n${JSON.stringify(exportJson(e, stamp.exportedAt))}`;
      first = false;
    }
  }
  yield "\n]}\n";
}

function streamed(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export const GET = authedRoute(
  { signIn: "Sign in as an auditor, IR manager or admin to export exercises.", query: ExerciseExportQuery },
  async ({ actor, query: { table } }) => {
    const { stamp, chunks } = table
      ? await exportExercisesCsv(actor, table).then(({ stamp, pages }) => ({ stamp, chunks: csv(pages, table, stamp.exportedAt) }))
      : await exportExercisesJson(actor).then(({ stamp, pages }) => ({ stamp, chunks: json(pages, stamp) }));
    const at = stamp.exportedAt.toISOString().slice(0, 19).replace(/[-:]/g, "");
    const name = `bulkhead-exercises${table ? `-${table}` : ""}-${at}Z-audit-${stamp.auditHead.seq}.${table ? "csv" : "json"}`;
    return new Response(streamed(chunks), {
      headers: {
        "Content-Type": table ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "X-Bulkhead-Exported-At": stamp.exportedAt.toISOString(),
        "X-Bulkhead-Audit-Head": `${stamp.auditHead.seq} ${stamp.auditHead.hash}`,
      },
    });
  },
);
