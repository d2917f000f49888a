"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "@/components/ui/button";

/** Disabled while its form is submitting, so a double click cannot submit twice. */
export function SubmitButton({
  children,
  pendingText,
  variant,
  className,
  pending: pendingProp,
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: ButtonVariant;
  className?: string;
  /** For forms submitted through useKeptForm, which useFormStatus does not see. */
  pending?: boolean;
}) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    <Button type="submit" variant={variant} className={className} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingText ?? "Saving…") : children}
    </Button>
  );
}
