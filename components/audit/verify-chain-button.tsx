"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/form-state";

export function VerifyChainButton({ action }: { action: () => Promise<ActionState> }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      <SubmitButton pendingText="Verifying…">Verify hash chain</SubmitButton>
      <div className="max-w-md" data-testid="chain-verdict">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
