import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { VersionStatusBadge } from "@/components/playbooks/version-status-badge";
import type { PlaybookVersionSummaryView } from "@/components/playbooks/types";

/** Every version, newest first, with who published it and why; the selected one is marked. */
export function VersionHistory({
  playbookId,
  versions,
  selected,
}: {
  playbookId: string;
  versions: PlaybookVersionSummaryView[];
  selected: number | null;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Versions</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Version
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Published
            </th>
            <th scope="col" className="px-3 py-2">
              Change note
            </th>
            <th scope="col" className="px-3 py-2">
              Steps
            </th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Compare</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {versions.map((v, i) => {
            const previous = versions[i + 1];
            return (
              <tr
                key={v.id}
                className={v.number === selected ? "bg-sky-50" : undefined}
                aria-current={v.number === selected ? "true" : undefined}
              >
                <td className="px-3 py-2">
                  <Link href={`/playbooks/${playbookId}?version=${v.number}`} className="text-sky-800 underline">
                    Version {v.number}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <VersionStatusBadge status={v.status} />
                </td>
                <td className="px-3 py-2">
                  {v.publishedAt ? (
                    <>
                      <LocalTime value={v.publishedAt} />
                      {v.publishedBy ? <span className="block text-xs text-slate-500">by {v.publishedBy}</span> : null}
                    </>
                  ) : (
                    <span className="text-slate-500">
                      Started <LocalTime value={v.createdAt} />
                    </span>
                  )}
                </td>
                <td className="max-w-md px-3 py-2">{v.changeNote ?? <span className="text-slate-500">—</span>}</td>
                <td className="px-3 py-2">{v.stepCount}</td>
                <td className="px-3 py-2">
                  {previous ? (
                    <Link
                      href={`/playbooks/${playbookId}/diff?from=${previous.number}&to=${v.number}`}
                      className="whitespace-nowrap text-sky-800 underline"
                    >
                      Changes since {previous.number}
                    </Link>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
