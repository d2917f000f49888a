import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";
import { requirePagePermission } from "@/lib/auth/page";

export const metadata: Metadata = { title: "Playbooks" };

export default async function PlaybooksPage() {
  await requirePagePermission("playbooks.read");
  return (
    <NotBuiltYet
      title="Playbooks"
      description="Versioned, container-aware playbooks per incident type."
      area="The playbook library"
    >
      Managers will write playbooks here with steps per response phase, a responsible role and instructions filled in from the incident&apos;s container context, and exchange them as OASIS CACAO 2.0 documents.
    </NotBuiltYet>
  );
}
