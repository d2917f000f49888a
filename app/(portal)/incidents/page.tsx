import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";
import { requirePagePermission } from "@/lib/auth/page";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  await requirePagePermission("incidents.read");
  return (
    <NotBuiltYet
      title="Incidents"
      description="Incidents raised from Falco and falcosidekick alerts, with their container context."
      area="The incident board"
    >
      Responders will work incidents here: alerts correlated per cluster, namespace and workload, the owners from the plan, the container dossier, ATT&amp;CK techniques and the timeline.
    </NotBuiltYet>
  );
}
