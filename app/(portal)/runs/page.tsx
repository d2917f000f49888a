import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";
import { requirePagePermission } from "@/lib/auth/page";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage() {
  await requirePagePermission("runs.read");
  return (
    <NotBuiltYet
      title="Playbook runs"
      description="Playbooks being stepped through on live incidents and exercises."
      area="Live playbook runs"
    >
      Responders will step through playbook runs here together, each seeing the others&apos; progress as it happens.
    </NotBuiltYet>
  );
}
