/**
 * The drawing area of a chart: a fixed height, so the chart has a size before (and without) the
 * browser measuring its container. `label` says what the drawing shows; the numbers themselves are
 * in the data table that follows it, for screen readers and for copying.
 */
export function ChartFrame({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <figure aria-label={label} className="h-72 w-full min-w-80">
      {children}
    </figure>
  );
}
