"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ContactForm } from "@/components/plan/contacts/contact-form";
import type { FormAction, LinkableUserDto } from "@/components/plan/contacts/types";

/** The "Add contact" button and the form it opens; the form stays open to add several in a row. */
export function NewContactPanel({ action, users }: { action: FormAction; users: LinkableUserDto[] }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return <Button onClick={() => setOpen(true)}>Add contact</Button>;
  }
  return (
    <section aria-labelledby="new-contact-heading" className="mb-6 w-full">
      <div className="mb-2 flex items-center justify-between">
        <h2 id="new-contact-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
          New contact
        </h2>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
      <ContactForm action={action} users={users} />
    </section>
  );
}
