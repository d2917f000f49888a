import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";
import { requirePagePermission } from "@/lib/auth/page";

export const metadata: Metadata = { title: "Exercises" };

export default async function ExercisesPage() {
  await requirePagePermission("exercises.read");
  return (
    <NotBuiltYet
      title="Exercises"
      description="Tabletop and purple-team exercises, their findings and action items."
      area="The exercise record"
    >
      Managers will record tabletop exercises and then purple-team exercises of the same scenario here, with findings and action items that
      flow back into the plan and playbooks; auditors will export the history.
    </NotBuiltYet>
  );
}
