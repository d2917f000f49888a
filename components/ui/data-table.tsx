import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

/**
 * A column heading. A string is the common case; `hidden` columns (a condition that is false) are
 * left out, so a table can drop a column without a ternary in its header.
 */
export type Column =
  string | false | null | undefined | { label: ReactNode; key?: string; align?: "right"; srOnly?: boolean; className?: string };

/**
 * The portal's list table: a bordered card that scrolls sideways on a narrow screen, one header
 * style, rows divided. Rows come as children (`<tr>` with `<Cell>`s), so each table keeps its own
 * row markup; `label` names the table for assistive technology when no heading does.
 */
export function DataTable({
  columns,
  label,
  caption,
  className,
  children,
}: {
  columns: Column[];
  label?: string;
  caption?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={cn("min-w-full divide-y divide-slate-200 text-left text-sm", className)} aria-label={label}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <TableHead columns={columns} />
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function TableHead({ columns, className }: { columns: Column[]; className?: string }) {
  return (
    <thead className={cn("bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase", className)}>
      <tr>
        {columns.map((column, i) => {
          if (!column) return null;
          const c = typeof column === "string" ? { label: column } : column;
          return (
            <th
              key={c.key ?? (typeof c.label === "string" ? c.label : i)}
              scope="col"
              className={cn("px-3 py-2", c.align === "right" && "text-right", c.className)}
            >
              {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** A body cell with the table's padding; `className` adds to or overrides it. */
export function Cell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-3 py-2", className)} {...props} />;
}

/** A row heading (the first cell of a row that names it). */
export function RowHeader({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="row" className={cn("px-3 py-2 text-left font-normal", className)} {...props} />;
}
