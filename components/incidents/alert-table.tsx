import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { LongText } from "@/components/ui/long-text";
import type { IncidentAlertPageDto } from "@/lib/dto/incidents";
import { DataTable, Cell } from "@/components/ui/data-table";

/**
 * One page of the incident's alerts, newest first, as Falco recorded them. Every value is alert
 * text (hostile, any length): shown cut with the rest on hover, and whole on the alert's own page
 * with the raw event.
 */
export function AlertTable({
  page,
  total,
  alertHref,
  newerHref,
  olderHref,
  newestHref,
}: {
  page: IncidentAlertPageDto;
  total: number;
  alertHref: (id: string) => string;
  newerHref: string | null;
  olderHref: string | null;
  /** Back to the first page, when this is not it. */
  newestHref: string | null;
}) {
  if (page.alerts.length === 0) return <p className="text-sm text-slate-600">{total ? "No alerts on this page." : "No alerts yet."}</p>;
  return (
    <>
      <p className="mb-2 text-sm text-slate-600">
        {page.alerts.length} of {total.toLocaleString("en")} alerts, newest first.
      </p>
      <DataTable
        columns={[{ label: "Time", className: "w-44" }, "Rule", "Process / user", "File / connection"]}
        label="Alerts"
        className="table-fixed"
      >
        {page.alerts.map((a) => (
          <tr key={a.id} className="align-top">
            <Cell className="whitespace-nowrap">
              <LocalTime value={a.eventTime} withSeconds />
              <div>
                <Link href={alertHref(a.id)} className="text-xs text-sky-800 underline">
                  Raw event
                </Link>
              </div>
            </Cell>
            <Cell className="max-w-md">
              <div className="font-medium">
                <LongText value={a.rule} max={80} />
              </div>
              <div className="text-xs text-slate-500">
                {a.priority}
                {a.podName ? (
                  <>
                    {" "}
                    · <LongText value={a.podName} max={60} mono />
                  </>
                ) : null}
                {a.containerName ? (
                  <>
                    {" "}
                    · <LongText value={a.containerName} max={40} mono />
                  </>
                ) : null}
              </div>
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer text-slate-600">Output</summary>
                <pre className="mt-1 max-w-xl break-all whitespace-pre-wrap text-slate-700">
                  {a.output}
                  {a.outputLength > a.output.length ? "…" : ""}
                </pre>
                {a.outputLength > a.output.length ? (
                  <p className="text-slate-500">
                    {a.outputLength.toLocaleString("en")} characters in all:{" "}
                    <Link href={alertHref(a.id)} className="text-sky-800 underline">
                      see the whole event
                    </Link>
                    .
                  </p>
                ) : null}
              </details>
            </Cell>
            <Cell className="max-w-sm text-xs">
              <div>
                <LongText value={a.processCmdline ?? a.processName} max={80} mono />
              </div>
              {a.parentProcess ? (
                <div className="text-slate-500">
                  parent <LongText value={a.parentProcess} max={60} mono />
                </div>
              ) : null}
              {a.userName ? (
                <div className="text-slate-500">
                  user <LongText value={a.userName} max={40} mono />
                </div>
              ) : null}
            </Cell>
            <Cell className="max-w-sm text-xs">
              {a.fileName ? (
                <div>
                  <LongText value={a.fileName} max={80} mono />
                </div>
              ) : null}
              {a.connection ? (
                <div>
                  <LongText value={a.connection} max={80} mono />
                </div>
              ) : null}
              {!a.fileName && !a.connection ? "—" : null}
            </Cell>
          </tr>
        ))}
      </DataTable>
      <nav aria-label="Pages of alerts" className="mt-2 flex items-center justify-end gap-2 text-sm">
        {newestHref ? (
          <Link href={newestHref} className={buttonClasses("secondary")}>
            Newest alerts
          </Link>
        ) : null}
        {newerHref ? (
          <Link href={newerHref} className={buttonClasses("secondary")}>
            Newer alerts
          </Link>
        ) : null}
        {olderHref ? (
          <Link href={olderHref} className={buttonClasses("secondary")}>
            Older alerts
          </Link>
        ) : null}
      </nav>
    </>
  );
}
