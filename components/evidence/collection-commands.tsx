import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";
import type { CollectionPlan } from "@/lib/domain/evidence/collection";
import type { ContainerRuntime } from "@/lib/dto/enums";
import { CONTAINER_RUNTIME_LABELS, EVIDENCE_KIND_LABELS } from "@/lib/dto/labels";

type Props = {
  plan: CollectionPlan & { runtime: ContainerRuntime | null; lastAlertAt: Date | null; target: { probablyGone: boolean } };
  /** Where "record as collected" goes (the register's upload form), or null when the viewer may not register evidence. */
  recordHref: ((kind: string, description: string) => string) | null;
};

/**
 * Ready-to-copy collection commands for the incident's container, each with what it produces and
 * the hash to take before upload. Every value in them came from an alert and was validated and
 * quoted (lib/domain/evidence/collection.ts); values that are not valid names are listed as
 * refused instead, and the commands that needed them are left out.
 */
export function CollectionCommands({ plan, recordHref }: Props) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        Runtime:{" "}
        {plan.runtime
          ? CONTAINER_RUNTIME_LABELS[plan.runtime]
          : "unknown (the cluster is not in the plan's platform): kubectl and image commands only"}
        {plan.lastAlertAt ? (
          <>
            {" "}
            · last alert <LocalTime value={plan.lastAlertAt} />
          </>
        ) : null}
      </p>
      {plan.target.probablyGone ? (
        <div role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-medium">The container is probably gone (no alert for longer than its expected lifetime).</p>
          <p>Still obtainable: {plan.stillObtainable.join("; ")}.</p>
          <p>Lost with it: {plan.lost.join("; ")}.</p>
        </div>
      ) : null}
      {plan.refused.length ? (
        <div role="note" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-medium">Values from the alerts that are not valid names were left out of every command:</p>
          <ul className="list-disc pl-5">
            {plan.refused.map((r) => (
              <li key={r.field}>
                {r.field}: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {plan.unavailable.length ? (
        <div role="note" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
          <p className="font-medium">Not offered, because the alerts lack what it needs:</p>
          <ul className="list-disc pl-5">
            {plan.unavailable.map((u) => (
              <li key={u.what}>
                {u.what}: {u.why}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ol className="space-y-3">
        {plan.commands.map((c) => (
          <li key={c.id} className="rounded-md border border-slate-200 p-3" data-testid="collection-command">
            <p className="text-sm font-medium text-slate-900">
              {c.title}{" "}
              <span className="font-normal text-slate-600">
                → {EVIDENCE_KIND_LABELS[c.kind]}, run {c.where === "node" ? "on the node" : "with cluster access"}
              </span>
            </p>
            <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-2 text-xs whitespace-pre text-slate-100">
              <code>{c.command}</code>
            </pre>
            <pre className="mt-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs text-slate-800">
              <code>{c.hashCommand}</code>
            </pre>
            {c.needsRunningContainer ? (
              <p className="mt-1 text-xs font-medium text-amber-800">
                Only while the container is still running{plan.target.probablyGone ? ": it probably is not" : ""}.
              </p>
            ) : null}
            {c.note ? <p className="mt-1 text-xs text-slate-600">{c.note}</p> : null}
            <div className="mt-2 flex flex-wrap items-center gap-3">
              <CopyButton text={c.command} label="Copy command" />
              {recordHref ? (
                <Link className="text-sm font-medium text-sky-700 underline" href={recordHref(c.kind, `${c.title}: ${c.command}`)}>
                  Record as collected
                </Link>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
