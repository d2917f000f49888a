import { Badge } from "@/components/ui/badge";
import type { ReadinessCheck } from "@/lib/domain/readiness";
import { DataTable, Cell, RowHeader } from "@/components/ui/data-table";

function Result({ check }: { check: ReadinessCheck }) {
  const percent = Math.round(check.fraction * 100);
  return (
    <span className="tabular-nums">
      {check.passed} of {check.total} <span className="text-slate-500">({percent}%)</span>{" "}
      {percent === 100 ? <Badge tone="good">passing</Badge> : null}
    </span>
  );
}

/** Each check of the formula: its weight, and how much of it passes. */
export function ReadinessChecks({ checks }: { checks: ReadinessCheck[] }) {
  return (
    <section aria-labelledby="readiness-checks">
      <h2 id="readiness-checks" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
        Checks
      </h2>
      <DataTable columns={["Check", { label: "Weight", align: "right" }, "Passing", { label: "Points", align: "right" }]}>
        {checks.map((check) => (
          <tr key={check.kind}>
            <RowHeader>{check.label}</RowHeader>
            <Cell className="text-right tabular-nums">{check.weight}</Cell>
            <Cell>
              <Result check={check} />
            </Cell>
            <Cell className="text-right tabular-nums">{(check.weight * check.fraction).toFixed(1)}</Cell>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
