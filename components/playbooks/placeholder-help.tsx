import { PLACEHOLDER_MEANINGS } from "@/lib/domain/playbook-labels";
import { PLACEHOLDER_VOCABULARY } from "@/lib/domain/playbook-template";

/** The `{{placeholder}}` vocabulary a step may use; publishing refuses any other name. */
export function PlaceholderHelp() {
  return (
    <aside aria-labelledby="placeholder-help" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="placeholder-help" className="font-semibold">
        Placeholders
      </h2>
      <p className="mt-1 text-slate-600">
        Write these in a step&apos;s title, instructions or evidence; a run fills them in from the incident&apos;s container context. A
        value the incident lacks shows as <code>‹name unknown›</code>. Publishing refuses any other name.
      </p>
      <dl className="mt-3 space-y-1.5">
        {PLACEHOLDER_VOCABULARY.map((name) => (
          <div key={name}>
            <dt className="inline font-mono text-xs text-slate-900">{`{{${name}}}`}</dt>{" "}
            <dd className="inline text-slate-600">— {PLACEHOLDER_MEANINGS[name]}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
