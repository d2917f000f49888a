type Technique = { id: string; name: string; tactics: string[]; url: string | null };

/** ATT&CK for Containers techniques the alerts' rule tags point to. */
export function AttackTechniques({ techniques, tactics }: { techniques: Technique[]; tactics: { id: string; name: string }[] }) {
  if (techniques.length === 0 && tactics.length === 0)
    return <p className="text-sm text-slate-600">The alerts&apos; rules carry no ATT&amp;CK tags.</p>;
  return (
    <div className="text-sm">
      {tactics.length ? <p className="mb-2 text-slate-600">Tactics: {tactics.map((t) => t.name).join(" · ")}</p> : null}
      <ul className="space-y-1">
        {techniques.map((t) => (
          <li key={t.id}>
            {t.url ? (
              <a href={t.url} className="font-mono text-sky-800 underline" target="_blank" rel="noreferrer">
                {t.id}
              </a>
            ) : (
              <span className="font-mono">{t.id}</span>
            )}{" "}
            {t.name}
            {t.tactics.length ? <span className="text-slate-500"> — {t.tactics.join(", ")}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
