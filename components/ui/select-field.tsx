import { FieldFrame, inputClasses } from "@/components/ui/field";
import type { Option } from "@/lib/dto/labels";

/**
 * A labelled select: over a fixed list (an enum's labels) or the records a form offers. With
 * `blank`, an empty first choice; with `value` and `onChange`, controlled (one choice narrows
 * another); otherwise uncontrolled from `defaultValue`.
 */
export function SelectField({
  id,
  label,
  name,
  options,
  defaultValue,
  value,
  onChange,
  blank,
  errors,
}: {
  id: string;
  label: string;
  name: string;
  options: readonly Option[];
  defaultValue?: string;
  value?: string;
  onChange?: (value: string) => void;
  blank?: string;
  errors?: string[];
}) {
  return (
    <FieldFrame
      id={id}
      label={label}
      errors={errors}
      control={(a11y) => (
        <select
          id={id}
          name={name}
          defaultValue={value === undefined ? defaultValue : undefined}
          value={value}
          onChange={onChange ? (e) => onChange(e.target.value) : undefined}
          {...a11y}
          className={inputClasses}
        >
          {blank !== undefined ? <option value="">{blank}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
