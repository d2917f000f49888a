import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { TechniqueList } from "@/components/playbooks/technique-list";
import type { PlaybookSummaryView } from "@/components/playbooks/types";
import { INCIDENT_TYPE_LABELS } from "@/lib/dto/labels";
import { DataTable, Cell } from "@/components/ui/data-table";

/** The library: one row per playbook, with the version responders would run today. */
export function PlaybookTable({ playbooks }: { playbooks: PlaybookSummaryView[] }) {
  return (
    <DataTable columns={["Playbook", "Incident type", "ATT&CK for Containers", "Latest published", "Draft"]} caption="Playbooks">
      {playbooks.map((p) => (
        <tr key={p.id} className={p.retiredAt ? "bg-slate-50 text-slate-500" : undefined}>
          <Cell>
            <Link href={`/playbooks/${p.id}`} className="font-medium text-sky-800 underline">
              {p.title}
            </Link>
            {p.retiredAt ? (
              <span className="ml-2">
                <Badge>Retired</Badge>
              </span>
            ) : null}
          </Cell>
          <Cell>{INCIDENT_TYPE_LABELS[p.incidentType]}</Cell>
          <Cell>
            <TechniqueList techniques={p.techniques} />
          </Cell>
          <Cell>
            {p.latestPublished ? (
              <>
                Version {p.latestPublished.number}
                {p.latestPublished.publishedAt ? (
                  <span className="block text-xs text-slate-500">
                    <LocalTime value={p.latestPublished.publishedAt} />
                  </span>
                ) : null}
              </>
            ) : (
              <span className="text-amber-800">Not published yet</span>
            )}
          </Cell>
          <Cell>{p.draft ? <Badge tone="warn">Version {p.draft.number} in draft</Badge> : <span className="text-slate-500">—</span>}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}
