"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies `text` to the clipboard and says so; where the clipboard is unavailable, says to select it. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [outcome, setOutcome] = useState<"copied" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome("copied");
    } catch {
      // Clipboard access needs a secure context (https or localhost) and the user's permission.
      setOutcome("failed");
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" onClick={copy}>
        {label}
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {outcome === "copied" ? "Copied" : outcome === "failed" ? "Could not copy: select the text and copy it" : ""}
      </span>
    </span>
  );
}
