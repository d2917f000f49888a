import { stringify } from "csv-stringify/sync";
import { exportExercises } from "@/lib/dal/exercises/export";
import { exportColumns, exportJson, exportRecords, EXERCISE_EXPORT_FORMAT } from "@/lib/domain/exercises/export";
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
export const GET = authedRoute(
  { signIn: "Sign in as an auditor, IR manager or admin to export exercises.", query: ExerciseExportQuery },
  async ({ actor, query }) => {
    const { stamp, pages } = await exportExercises(actor, query);
    const now = stamp.exportedAt;
    const encoder = new TextEncoder();
    const { table } = query;
    let first = true;
    async function* chunks(): AsyncGenerator<string> {
      if (table) {
        yield stringify([exportColumns(table) as string[]], { record_delimiter: "windows" });
        for await (const page of pages) {
          const records = exportRecords(table, page, now);
          if (records.length) yield stringify(records, { record_delimiter: "windows" });
        }
        return;
      }
      yield `{"format":${JSON.stringify(EXERCISE_EXPORT_FORMAT)},"exportedAt":${JSON.stringify(stamp.exportedAt)},"auditHead":${JSON.stringify(stamp.auditHead)},"exercises":[`;
      for await (const page of pages) {
        for (const e of page) {
          yield `${first ? "" : ","}\n${JSON.stringify(exportJson(e, now))}`;
          first = false;
        }
      }
      yield "\n]}\n";
    }
    const iterator = chunks();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await iterator.return(undefined);
        await pages.return(undefined);
      },
    });
    const at = stamp.exportedAt.toISOString().slice(0, 19).replace(/[-:]/g, "");
    const name = `bulkhead-exercises${table ? `-${table}` : ""}-${at}Z-audit-${stamp.auditHead.seq}.${table ? "csv" : "json"}`;
    return new Response(body, {
      headers: {
        "Content-Type": table ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "X-Bulkhead-Exported-At": stamp.exportedAt.toISOString(),
        "X-Bulkhead-Audit-Head": `${stamp.auditHead.seq} ${stamp.auditHead.hash}`,
      },
    });
  },
);
