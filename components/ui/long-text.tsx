import { cn } from "@/lib/cn";

/**
 * Text an alert wrote (titles, namespaces, pod names, command lines): written by whoever controls
 * the container, so it may be 10,000 characters with no space. It is cut to `max` characters and to
 * one line, with the full value (itself capped, so a tooltip cannot freeze the page) on hover, and
 * it may break anywhere so a table column never grows past its share of the page.
 */
const HOVER_LIMIT = 2_000;

export function LongText({
  value,
  max = 120,
  className,
  mono = false,
}: {
  value: string | null | undefined;
  /** Characters shown before the ellipsis. */
  max?: number;
  className?: string;
  mono?: boolean;
}) {
  if (!value) return <span className={className}>—</span>;
  const cut = value.length > max;
  const shown = cut ? `${value.slice(0, max)}…` : value;
  const hover = value.length > HOVER_LIMIT ? `${value.slice(0, HOVER_LIMIT)}… (${value.length} characters)` : value;
  return (
    <span
      title={cut || value.length > 40 ? hover : undefined}
      className={cn("inline-block max-w-full truncate align-bottom [overflow-wrap:anywhere]", mono && "font-mono", className)}
    >
      {shown}
    </span>
  );
}
