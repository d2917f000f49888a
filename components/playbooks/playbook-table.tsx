import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { TechniqueList } from "@/components/playbooks/technique-list";
import type { PlaybookSummaryView } from "@/components/playbooks/types";
import { INCIDENT_TYPE_LABELS } from "@/lib/dto/labels";

/** The library: one row per playbook, with the version responders would run today. */
export function PlaybookTable({ playbooks }: { playbooks: PlaybookSummaryView[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Playbooks</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Playbook
            </th>
            <th scope="col" className="px-3 py-2">
              Incident type
            </th>
            <th scope="col" className="px-3 py-2">
              ATT&amp;CK for Containers
            </th>
            <th scope="col" className="px-3 py-2">
              Latest published
            </th>
            <th scope="col" className="px-3 py-2">
              Draft
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {playbooks.map((p) => (
            <tr key={p.id} className={p.retiredAt ? "bg-slate-50 text-slate-500" : undefined}>
              <td className="px-3 py-2">
                <Link href={`/playbooks/${p.id}`} className="font-medium text-sky-800 underline">
                  {p.title}
                </Link>
                {p.retiredAt ? (
                  <span className="ml-2">
                    <Badge>Retired</Badge>
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">{INCIDENT_TYPE_LABELS[p.incidentType]}</td>
              <td className="px-3 py-2">
                <TechniqueList techniques={p.techniques} />
              </td>
              <td className="px-3 py-2">
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
              </td>
              <td className="px-3 py-2">
                {p.draft ? <Badge tone="warn">Version {p.draft.number} in draft</Badge> : <span className="text-slate-500">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
