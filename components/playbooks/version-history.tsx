import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { VersionStatusBadge } from "@/components/playbooks/version-status-badge";
import type { PlaybookVersionSummaryView } from "@/components/playbooks/types";
import { DataTable, Cell } from "@/components/ui/data-table";

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
    <DataTable columns={["Version", "Status", "Published", "Change note", "Steps", { label: "Compare", srOnly: true }]} caption="Versions">
      {versions.map((v, i) => {
        const previous = versions[i + 1];
        return (
          <tr
            key={v.id}
            className={v.number === selected ? "bg-sky-50" : undefined}
            aria-current={v.number === selected ? "true" : undefined}
          >
            <Cell>
              <Link href={`/playbooks/${playbookId}?version=${v.number}`} className="text-sky-800 underline">
                Version {v.number}
              </Link>
            </Cell>
            <Cell>
              <VersionStatusBadge status={v.status} />
            </Cell>
            <Cell>
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
            </Cell>
            <Cell className="max-w-md">{v.changeNote ?? <span className="text-slate-500">—</span>}</Cell>
            <Cell>{v.stepCount}</Cell>
            <Cell>
              {previous ? (
                <Link
                  href={`/playbooks/${playbookId}/diff?from=${previous.number}&to=${v.number}`}
                  className="whitespace-nowrap text-sky-800 underline"
                >
                  Changes since {previous.number}
                </Link>
              ) : null}
            </Cell>
          </tr>
        );
      })}
    </DataTable>
  );
}
