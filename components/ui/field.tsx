import { cn } from "@/lib/cn";

export const inputClasses =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm placeholder:text-slate-400 focus:border-sky-600 aria-[invalid=true]:border-red-600";

type FieldProps = { label: string; name: string; errors?: string[]; hint?: string };

/** The label above a control and the message below it; the control gets `describedBy` and `invalid`. */
export function FieldFrame({
  id,
  label,
  errors,
  hint,
  className,
  control,
}: Omit<FieldProps, "name"> & {
  id: string;
  className?: string;
  control: (a11y: { "aria-invalid": true | undefined; "aria-describedby": string | undefined }) => React.ReactNode;
}) {
  const message = errors?.[0];
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control({
        "aria-invalid": message ? true : undefined,
        "aria-describedby": message ? `${id}-error` : hint ? `${id}-hint` : undefined,
      })}
      {message ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {message}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its validation message, wired for screen readers. */
export function Field({ label, name, errors, hint, className, ...inputProps }: React.InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  const id = inputProps.id ?? `field-${name}`;
  return (
    <FieldFrame
      id={id}
      label={label}
      errors={errors}
      hint={hint}
      className={className}
      control={(a11y) => <input id={id} name={name} {...a11y} className={inputClasses} {...inputProps} />}
    />
  );
}

/** A labelled textarea, as `Field`; `inputClassName` adds to the control (a monospace paste box). */
export function TextAreaField({
  label,
  name,
  errors,
  hint,
  className,
  inputClassName,
  ...textareaProps
}: React.TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps & { inputClassName?: string }) {
  const id = textareaProps.id ?? `field-${name}`;
  return (
    <FieldFrame
      id={id}
      label={label}
      errors={errors}
      hint={hint}
      className={className}
      control={(a11y) => <textarea id={id} name={name} {...a11y} className={cn(inputClasses, inputClassName)} {...textareaProps} />}
    />
  );
}
