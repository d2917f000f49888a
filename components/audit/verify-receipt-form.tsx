"use client";

import { useActionState, useRef } from "react";
import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/form-state";

/** Paste a receipt, or pick the file that was downloaded: its text goes into the same field. */
export function VerifyReceiptForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, null);
  const text = useRef<HTMLTextAreaElement>(null);
  return (
    <form action={formAction} aria-label="Verify a receipt" className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold text-slate-800">Prove the chain still extends a receipt</h2>
      <p className="mt-1 text-xs text-slate-600">
        A receipt downloaded earlier: its signature is checked, and the whole chain must still hold its event and hash.
      </p>
      <div className="mt-2 grid gap-2 lg:grid-cols-[1fr_auto]">
        <label className="text-sm">
          <span className="sr-only">Receipt</span>
          <textarea
            ref={text}
            name="receipt"
            rows={3}
            placeholder='{"format":"bulkhead.audit-receipt/v1",…}'
            className={`${inputClasses} font-mono text-xs`}
          />
        </label>
        <div className="flex flex-col gap-2">
          <label className="text-xs text-slate-600">
            Receipt file
            <input
              type="file"
              accept="application/json,.json"
              className="mt-1 block text-xs"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) void file.text().then((content) => text.current && (text.current.value = content));
              }}
            />
          </label>
          <SubmitButton pendingText="Verifying…">Verify receipt</SubmitButton>
        </div>
      </div>
      <div className="mt-2" data-testid="receipt-verdict">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
