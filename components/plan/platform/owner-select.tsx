import { inputClasses } from "@/components/ui/field";
import type { OwnerContactOptionDto } from "@/components/plan/platform/labels";

/**
 * The contacts a manager can choose from: active ones, plus any inactive contact who is chosen now
 * (marked, so the server's "is inactive" message makes sense instead of the owner silently vanishing).
 */
function options(contacts: OwnerContactOptionDto[], selected: string[]) {
  return contacts.filter((c) => c.active || selected.includes(c.id));
}

function optionLabel(c: OwnerContactOptionDto): string {
  return `${c.name}${c.team ? ` — ${c.team}` : ""}${c.active ? "" : " (inactive)"}`;
}

export function OwnerSelect({
  id,
  name,
  label,
  contacts,
  selected,
  multiple = false,
  noneLabel,
  errors,
  form,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  contacts: OwnerContactOptionDto[];
  selected: string[];
  multiple?: boolean;
  /** For single selects: the text of the empty choice. */
  noneLabel?: string;
  errors?: string[];
  /** The id of the form the control belongs to, when it sits in another table cell. */
  form?: string;
  /** Controlled when given (so a refused save keeps the manager's choices). */
  onChange?: (ids: string[]) => void;
}) {
  const message = errors?.[0];
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={id}
        name={name}
        form={form}
        multiple={multiple}
        size={multiple ? 4 : undefined}
        {...(onChange
          ? {
              value: multiple ? selected : (selected[0] ?? ""),
              onChange: (e: React.ChangeEvent<HTMLSelectElement>) =>
                onChange(Array.from(e.target.selectedOptions, (o) => o.value).filter(Boolean)),
            }
          : { defaultValue: multiple ? selected : (selected[0] ?? "") })}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        className={inputClasses}
      >
        {multiple ? null : <option value="">{noneLabel ?? "— choose —"}</option>}
        {options(contacts, selected).map((c) => (
          <option key={c.id} value={c.id}>
            {optionLabel(c)}
          </option>
        ))}
      </select>
      {multiple ? <p className="text-xs text-slate-500">Ctrl/⌘-click to choose several.</p> : null}
      {message ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
