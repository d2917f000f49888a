"use client";

import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The print page's only control; hidden on paper. */
export function PrintButton() {
  return (
    <Button onClick={() => window.print()} className="print:hidden">
      <Printer aria-hidden className="size-4" />
      Print
    </Button>
  );
}
