import { LocalTime } from "@/components/ui/local-time";

export type AlertRowData = {
  id: string;
  eventTime: Date;
  rule: string;
  priority: string;
  output: string;
  podName: string | null;
  containerName: string | null;
  processCmdline: string | null;
  processName: string | null;
  parentProcess: string | null;
  userName: string | null;
  fileName: string | null;
  connection: string | null;
};

/** The incident's alerts, newest first, as Falco recorded them. */
export function AlertTable({ alerts, total }: { alerts: AlertRowData[]; total: number }) {
  return (
    <>
      {total > alerts.length ? (
        <p className="mb-2 text-sm text-slate-600">Showing the latest {alerts.length} of {total} alerts.</p>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">Time</th>
              <th scope="col" className="px-3 py-2">Rule</th>
              <th scope="col" className="px-3 py-2">Process / user</th>
              <th scope="col" className="px-3 py-2">File / connection</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {alerts.map((a) => (
              <tr key={a.id} className="align-top">
                <td className="px-3 py-2 whitespace-nowrap"><LocalTime value={a.eventTime} withSeconds /></td>
                <td className="px-3 py-2">
                  <div className="font-medium">{a.rule}</div>
                  <div className="text-xs text-slate-500">{a.priority}{a.podName ? ` · ${a.podName}` : ""}{a.containerName ? ` · ${a.containerName}` : ""}</div>
                  <details className="mt-1 text-xs">
                    <summary className="cursor-pointer text-slate-600">Output</summary>
                    <pre className="mt-1 max-w-xl whitespace-pre-wrap break-all text-slate-700">{a.output}</pre>
                  </details>
                </td>
                <td className="px-3 py-2 font-mono text-xs">
                  {a.processCmdline ?? a.processName ?? "—"}
                  {a.parentProcess ? <div className="text-slate-500">parent {a.parentProcess}</div> : null}
                  {a.userName ? <div className="text-slate-500">user {a.userName}</div> : null}
                </td>
                <td className="px-3 py-2 font-mono text-xs">
                  {a.fileName ?? null}
                  {a.connection ? <div>{a.connection}</div> : null}
                  {!a.fileName && !a.connection ? "—" : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
