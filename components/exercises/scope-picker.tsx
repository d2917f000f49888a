export type ScopeCluster = { id: string; name: string; namespaces: { id: string; name: string }[] };

/** The clusters, or namespaces within them, an exercise is about (`<clusterId>` or `<clusterId>/<namespaceId>`). */
export function ScopePicker({ clusters, checked, errors }: { clusters: ScopeCluster[]; checked?: readonly string[]; errors?: string[] }) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">Scope: clusters, or namespaces within them</legend>
      {clusters.length === 0 ? (
        <p className="text-sm text-slate-500">No clusters in the plan yet.</p>
      ) : (
        <ul className="max-h-56 space-y-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 text-sm">
          {clusters.map((c) => (
            <li key={c.id}>
              <label className="inline-flex items-start gap-2 font-medium">
                <input type="checkbox" name="scope" value={c.id} defaultChecked={checked?.includes(c.id)} className="mt-1" />
                <span className="break-all">{c.name} (whole cluster)</span>
              </label>
              {c.namespaces.length ? (
                <ul className="ml-6 flex flex-wrap gap-x-4">
                  {c.namespaces.map((n) => {
                    const value = `${c.id}/${n.id}`;
                    return (
                      <li key={n.id}>
                        <label className="inline-flex items-start gap-2">
                          <input type="checkbox" name="scope" value={value} defaultChecked={checked?.includes(value)} className="mt-1" />
                          <span className="break-all">
                            {c.name}/{n.name}
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {errors?.[0] ? <p className="text-sm text-red-700">{errors[0]}</p> : null}
    </fieldset>
  );
}
