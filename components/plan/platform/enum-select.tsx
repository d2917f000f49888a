import { inputClasses } from "@/components/ui/field";

/** A labelled select over a fixed list (provider, runtime, environment…). */
export function EnumSelect({
  id,
  name,
  label,
  options,
  defaultValue,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  errors?: string[];
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} aria-invalid={errors?.[0] ? true : undefined} className={inputClasses}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors?.[0] ? <p className="text-sm text-red-700">{errors[0]}</p> : null}
    </div>
  );
}
