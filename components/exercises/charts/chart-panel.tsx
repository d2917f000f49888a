import { EmptyState } from "@/components/ui/empty-state";

/**
 * One chart of the exercise history: its heading and what it counts, then the chart and its
 * numbers, or what to do when the quarters shown hold nothing to count.
 */
export function ChartPanel({
  id,
  title,
  description,
  empty,
  children,
}: {
  id: string;
  title: string;
  description: string;
  empty: { title: string; hint: React.ReactNode } | null;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">{description}</p>
      {empty ? <EmptyState title={empty.title}>{empty.hint}</EmptyState> : children}
    </section>
  );
}
