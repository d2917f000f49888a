const EXPORTS = [
  { href: "/api/exercises/export?format=json", label: "Everything (JSON)" },
  { href: "/api/exercises/export?format=csv&table=exercises", label: "Exercises (CSV)" },
  { href: "/api/exercises/export?format=csv&table=findings", label: "Findings (CSV)" },
  { href: "/api/exercises/export?format=csv&table=action-items", label: "Action items (CSV)" },
] as const;

/** The auditors' downloads of the whole exercise record, each stamped with the audit chain's head. */
export function ExerciseExportLinks() {
  return (
    <section aria-labelledby="exercise-exports" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="exercise-exports" className="font-medium text-slate-800">
        Export the whole history
      </h2>
      <p className="mt-1 text-slate-600">
        Every exercise with its participants, playbooks, findings and action items, whatever the filter above. Each download is recorded in
        the audit log and names the audit chain&apos;s head it was taken at.
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        {EXPORTS.map((e) => (
          <li key={e.href}>
            <a href={e.href} download className="text-sky-800 underline">
              {e.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
