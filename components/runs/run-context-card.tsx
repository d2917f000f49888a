import { PLACEHOLDER_VOCABULARY, type TemplateContext } from "@/lib/domain/playbook-template";

/** The container context the instructions were rendered with, as stored on the run when it started. */
export function RunContextCard({ context }: { context: TemplateContext }) {
  return (
    <details className="mb-4 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">Container context used for the instructions</summary>
      <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        {PLACEHOLDER_VOCABULARY.map((name) => (
          <div key={name} className="flex gap-2">
            <dt className="font-mono text-xs text-slate-500">{`{{${name}}}`}</dt>
            <dd className="break-all font-mono text-xs">{context[name] ?? <span className="text-slate-400">unknown</span>}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
