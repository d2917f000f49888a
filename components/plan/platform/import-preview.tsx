import { Badge } from "@/components/ui/badge";
import type { ImportPreviewDto } from "@/components/plan/platform/labels";

type Prefill = ImportPreviewDto["plan"]["add"][number]["prefill"];

function PrefillNote({ prefill }: { prefill: Prefill }) {
  if (!prefill) return null;
  return (
    <div className="mt-1 text-xs">
      {prefill.applies ? (
        <p className="text-emerald-800">
          Owners from labels: primary {prefill.primary!.name} ({prefill.primary!.label}), secondary {prefill.secondary!.name} (
          {prefill.secondary!.label}).
        </p>
      ) : prefill.primary || prefill.secondary ? (
        <p className="text-slate-600">
          Suggested from labels, not applied:{" "}
          {[prefill.primary && `primary ${prefill.primary.name}`, prefill.secondary && `secondary ${prefill.secondary.name}`]
            .filter(Boolean)
            .join(", ")}
          .
        </p>
      ) : null}
      {prefill.notes.map((n) => (
        <p key={n} className="text-amber-800">
          {n}
        </p>
      ))}
    </div>
  );
}

function Labels({ labels }: { labels: Record<string, string> }) {
  const entries = Object.entries(labels).filter(([k]) => k !== "kubernetes.io/metadata.name");
  if (entries.length === 0) return <span className="text-xs text-slate-400">no labels</span>;
  return <code className="text-xs text-slate-600">{entries.map(([k, v]) => `${k}=${v}`).join(", ")}</code>;
}

/** What applying a pasted namespace list would change, before anything is written. */
export function ImportPreview({ preview }: { preview: ImportPreviewDto }) {
  const { add, update, unchanged, notInList } = preview.plan;
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="import-preview">
      <h2 className="font-semibold">Changes to {preview.clusterName}</h2>
      <section aria-labelledby="import-add">
        <h3 id="import-add" className="text-sm font-semibold">
          To add <Badge tone="good">{add.length}</Badge>
        </h3>
        <ul className="mt-1 space-y-1 text-sm">
          {add.map((ns) => (
            <li key={ns.name} data-testid={`import-add-${ns.name}`}>
              <span className="font-medium">{ns.name}</span> <Labels labels={ns.labels} />
              <PrefillNote prefill={ns.prefill} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="import-update">
        <h3 id="import-update" className="text-sm font-semibold">
          To update <Badge tone="info">{update.length}</Badge>
        </h3>
        <ul className="mt-1 space-y-1 text-sm">
          {update.map((ns) => (
            <li key={ns.name} data-testid={`import-update-${ns.name}`}>
              <span className="font-medium">{ns.name}</span>
              {ns.labelChanges.length > 0 ? (
                <ul className="ml-4 text-xs text-slate-600">
                  {ns.labelChanges.map((c) => (
                    <li key={c.key}>
                      <code>{c.key}</code>: {c.before === null ? "added" : <code>{c.before}</code>} →{" "}
                      {c.after === null ? "removed" : <code>{c.after}</code>}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="ml-1 text-xs text-slate-500">labels unchanged</span>
              )}
              <PrefillNote prefill={ns.prefill} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="import-unchanged">
        <h3 id="import-unchanged" className="text-sm font-semibold">
          Unchanged <Badge>{unchanged.length}</Badge>
        </h3>
        {unchanged.length ? <p className="mt-1 text-xs text-slate-600">{unchanged.join(", ")}</p> : null}
      </section>
      <section aria-labelledby="import-missing">
        <h3 id="import-missing" className="text-sm font-semibold">
          In the plan but not in this list <Badge tone={notInList.length ? "warn" : "neutral"}>{notInList.length}</Badge>
        </h3>
        {notInList.length ? (
          <p className="mt-1 text-xs text-slate-600">
            {notInList.join(", ")} — kept as they are. Importing never deletes a namespace; if one is gone from the cluster for good, remove
            its owners in the matrix.
          </p>
        ) : null}
      </section>
    </div>
  );
}
