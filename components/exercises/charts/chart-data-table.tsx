/**
 * The numbers behind a chart, one row per quarter: its text alternative, and what auditors copy
 * into their report. Collapsed under the chart, so it is there for everyone and in the way of no one.
 */
export function ChartDataTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: { quarter: string; cells: (number | string)[] }[];
}) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-sky-800 underline">Show the numbers</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left tabular-nums">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-3 py-1.5">
                Quarter
              </th>
              {columns.map((c) => (
                <th key={c} scope="col" className="px-3 py-1.5 text-right">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.quarter}>
                <th scope="row" className="px-3 py-1.5 font-medium">
                  {r.quarter}
                </th>
                {r.cells.map((cell, i) => (
                  <td key={columns[i]} className="px-3 py-1.5 text-right">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
