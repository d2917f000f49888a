import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import type { Option } from "@/lib/dto/labels";

const BAR = "flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3";

/**
 * The filter over a list: a plain GET form, so the filter lives in the URL and a filtered list can
 * be bookmarked and shared; Clear goes back to the unfiltered list when a filter is on.
 */
export function FilterBar({
  action,
  label,
  submit = "Filter",
  active = true,
  clear = "Clear",
  className,
  children,
}: {
  /** The list's path; omitted, the form stays on the page it is on. */
  action?: string;
  label: string;
  submit?: string;
  /** Whether a filter is on (Clear is offered only then). */
  active?: boolean;
  clear?: string;
  /** Replaces the bar's layout classes (a grid, a margin). */
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <form method="get" action={action} aria-label={label} className={className ?? BAR}>
      {children}
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClasses("secondary")}>
          {submit}
        </button>
        {active && action ? (
          <Link href={action} className="pb-1.5 text-sm text-sky-800 underline">
            {clear}
          </Link>
        ) : null}
      </div>
    </form>
  );
}

/** One labelled field of a filter bar. */
export function FilterField({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      {children}
    </label>
  );
}

/** A select of a filter bar, with an "Any" first choice that filters nothing. */
export function FilterSelect({
  label,
  name,
  value,
  options,
  any = "Any",
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: readonly Option[];
  any?: string;
}) {
  return (
    <FilterField label={label}>
      <select name={name} defaultValue={value ?? ""} className={inputClasses}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

/** A text or date input of a filter bar. */
export function FilterInput({
  label,
  name,
  value,
  type = "text",
  placeholder,
  width,
}: {
  label: string;
  name: string;
  value: string | undefined;
  type?: "text" | "date" | "search";
  placeholder?: string;
  /** A Tailwind width class for short or long values. */
  width?: string;
}) {
  return (
    <FilterField label={label}>
      <input
        type={type}
        name={name}
        defaultValue={value ?? ""}
        placeholder={placeholder}
        className={width ? inputClasses.replace("w-full", width) : inputClasses}
      />
    </FilterField>
  );
}
