import { LongText } from "@/components/ui/long-text";
import { PLACEHOLDER_VOCABULARY, refusedContextValues, type TemplateContext } from "@/lib/domain/playbook-template";

/**
 * The container context the instructions were rendered with, as stored on the run when it started.
 * Values came from alerts, which whoever controls the container writes: one that is not a valid
 * name (or cannot be written safely into a command) was rendered as `‹name refused›`, and the run
 * says so above its steps, showing the value only as inert text.
 */
export function RunContextCard({ context }: { context: TemplateContext }) {
  const refused = refusedContextValues(context);
  const refusedNames = new Set(refused.filter((r) => !r.commandsOnly).map((r) => r.placeholder));
  return (
    <>
      {refused.length > 0 ? (
        <section
          aria-labelledby="refused-context-heading"
          className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <h2 id="refused-context-heading" className="font-semibold">
            {refused.length === 1 ? "One context value was refused" : `${refused.length} context values were refused`}
          </h2>
          <p className="mt-1">
            The alerts sent values that are not valid names, or that cannot be written safely into a command. The instructions show{" "}
            <span className="font-mono">‹name refused›</span> in their place: check the incident&apos;s alerts and fill these in by hand.
          </p>
          <ul className="mt-2 space-y-1" aria-label="Refused context values">
            {refused.map((r) => (
              <li key={r.placeholder} className="flex min-w-0 flex-wrap items-baseline gap-x-2">
                <span className="font-mono text-xs">{`{{${r.placeholder}}}`}</span>
                <span>{r.commandsOnly ? `kept out of commands: it ${r.reason}` : `refused: it ${r.reason}`}</span>
                <span className="max-w-full min-w-0 text-xs text-amber-900">
                  (sent as <LongText value={r.value} max={80} mono />)
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <details className="mb-4 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium text-slate-700">Container context used for the instructions</summary>
        <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {PLACEHOLDER_VOCABULARY.map((name) => {
            const value = context[name];
            return (
              <div key={name} className="flex min-w-0 gap-2">
                <dt className="font-mono text-xs text-slate-500">{`{{${name}}}`}</dt>
                <dd className="min-w-0 font-mono text-xs">
                  {!value ? (
                    <span className="text-slate-400">unknown</span>
                  ) : refusedNames.has(name) ? (
                    <span className="text-amber-800">
                      refused (<LongText value={value} max={40} mono />)
                    </span>
                  ) : (
                    <LongText value={value} max={80} mono />
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      </details>
    </>
  );
}
