import { LocalTime } from "@/components/ui/local-time";
import type { EvidenceDto } from "@/lib/dto/evidence";
import { CUSTODY_ACTION_LABELS, EVIDENCE_KIND_LABELS } from "@/lib/dto/labels";

const size = (bytes: number | null) =>
  bytes === null
    ? "size not given"
    : bytes < 1024 * 1024
      ? `${bytes.toLocaleString("en-US")} bytes`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const STATUS = { IN_CUSTODY: "In custody", RELEASED: "Released", DISPOSED: "Disposed of" } as const;

/**
 * One item of the register with its whole chain of custody. Everything shown is text: file names
 * and descriptions are whatever someone typed or a container wrote, so none of it is a link but
 * the download, which is always an attachment.
 */
export function EvidenceItem({ item, controls }: { item: EvidenceDto; controls?: React.ReactNode }) {
  const origin = [
    item.podName && `pod ${item.podName}`,
    item.containerId && `container ${item.containerId}`,
    item.nodeName && `node ${item.nodeName}`,
    item.imageDigest && `image ${item.imageDigest}`,
  ].filter(Boolean);
  return (
    <article className="rounded-md border border-slate-200 p-4" aria-labelledby={`evidence-${item.id}`} data-testid="evidence-item">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`evidence-${item.id}`} className="font-semibold text-slate-900">
          E{item.number} · {EVIDENCE_KIND_LABELS[item.kind]}
        </h3>
        <p className="text-xs text-slate-600">
          {STATUS[item.state.status]}
          {item.state.holder ? `, held by ${item.state.holder}` : ""}
        </p>
      </header>
      {item.state.everMismatched ? (
        <p role="alert" className="mt-2 rounded-md bg-red-100 px-3 py-2 text-sm font-semibold text-red-900">
          Integrity failure: a verification found stored bytes that do not hash to the registered sha256. Treat this item as altered.
        </p>
      ) : null}
      <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-800">{item.description}</p>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-xs text-slate-700 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <dt className="inline font-medium">sha256: </dt>
          <dd className="inline font-mono break-all">{item.sha256}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Collected: </dt>
          <dd className="inline">
            by {item.collectedBy}, <LocalTime value={item.collectedAt} />
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">{item.stored ? "Stored in Bulkhead: " : "Kept at: "}</dt>
          <dd className="inline font-mono break-all">
            {item.stored ? `${item.fileName ?? "file"} (${size(item.sizeBytes)})` : item.storageLocation}
          </dd>
        </div>
        {origin.length ? (
          <div className="sm:col-span-2">
            <dt className="inline font-medium">From: </dt>
            <dd className="inline font-mono break-all">{origin.join(", ")}</dd>
          </div>
        ) : null}
      </dl>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">Chain of custody ({item.custody.length})</summary>
        <ol className="mt-2 space-y-1 text-xs" aria-label={`Chain of custody of E${item.number}`}>
          {item.custody.map((c) => (
            <li key={c.id} className={c.matched === false ? "font-semibold text-red-800" : "text-slate-700"}>
              <span className="font-medium">{CUSTODY_ACTION_LABELS[c.action]}</span> · <LocalTime value={c.at} /> · {c.actor}
              {c.action === "TRANSFERRED" ? ` · from ${c.fromParty ?? "—"} to ${c.toParty ?? "—"}` : ""}
              {c.note ? <span className="break-words"> · {c.note}</span> : null}
            </li>
          ))}
        </ol>
      </details>
      {controls ? <div className="mt-3 flex flex-wrap items-start gap-3">{controls}</div> : null}
    </article>
  );
}
