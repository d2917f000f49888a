import type { Option } from "@/lib/dto/labels";

/** A scrollable, labelled group of checkboxes sending one repeated field. */
export function CheckboxList({
  legend,
  name,
  options,
  checked,
  errors,
}: {
  legend: string;
  name: string;
  options: Option[];
  checked?: readonly string[];
  errors?: string[];
}) {
  return (
    <fieldset className="space-y-1" aria-invalid={errors?.length ? true : undefined}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-sm text-slate-500">None recorded yet.</p>
      ) : (
        <div className="grid max-h-48 gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 text-sm sm:grid-cols-2">
          {options.map((o) => (
            <label key={o.value} className="inline-flex min-w-0 items-start gap-2">
              <input type="checkbox" name={name} value={o.value} defaultChecked={checked?.includes(o.value)} className="mt-1" />
              <span className="break-words">{o.label}</span>
            </label>
          ))}
        </div>
      )}
      {errors?.[0] ? <p className="text-sm text-red-700">{errors[0]}</p> : null}
    </fieldset>
  );
}
