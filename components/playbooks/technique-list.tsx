import type { PlaybookSummaryView } from "@/components/playbooks/types";

/** ATT&CK for Containers technique ids, linked to MITRE, with their names for screen readers and on hover. */
export function TechniqueList({ techniques }: { techniques: PlaybookSummaryView["techniques"] }) {
  if (techniques.length === 0) return <span className="text-slate-500">None recorded</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="ATT&CK techniques">
      {techniques.map((t) => (
        <li key={t.id}>
          {t.url ? (
            <a
              href={t.url}
              target="_blank"
              rel="noreferrer"
              title={t.name}
              className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-sky-800 underline"
            >
              {t.id}
              <span className="sr-only"> {t.name}</span>
            </a>
          ) : (
            <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs" title={t.name}>
              {t.id}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
