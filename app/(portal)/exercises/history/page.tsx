import type { Metadata } from "next";
import Link from "next/link";
import { ExercisesPerQuarterChart } from "@/components/exercises/charts/exercises-per-quarter-chart";
import { FindingsPerQuarterChart } from "@/components/exercises/charts/findings-per-quarter-chart";
import { TimeToCloseChart } from "@/components/exercises/charts/time-to-close-chart";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { getExerciseHistoryStats } from "@/lib/dal/exercises/history-stats";
import { ExerciseHistoryFilter, HISTORY_QUARTER_CHOICES } from "@/lib/validation/exercises";

export const metadata: Metadata = { title: "Exercise history" };

type Params = Record<string, string | string[] | undefined>;

export default async function ExerciseHistoryPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePagePermission("exercises.read");
  const { quarters } = ExerciseHistoryFilter.parse(await searchParams);
  const stats = await getExerciseHistoryStats(actor, quarters);
  return (
    <>
      <PageHeader
        title="Exercise history"
        description={`The practice over the last ${quarters} quarters (${stats.quarters[0]} to ${stats.quarters.at(-1)}, UTC): exercises held, findings recorded and how quickly their action items were closed. Each chart's numbers are under "Show the numbers".`}
        actions={
          <Link href="/exercises" className={buttonClasses("secondary")}>
            All exercises
          </Link>
        }
      />
      <nav aria-label="Quarters shown" className="mb-6 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">Show the last</span>
        {HISTORY_QUARTER_CHOICES.map((n) => (
          <Link
            key={n}
            href={`/exercises/history?quarters=${n}`}
            aria-current={n === quarters ? "page" : undefined}
            className={buttonClasses(n === quarters ? "primary" : "secondary")}
          >
            {n} quarters
          </Link>
        ))}
      </nav>
      <div className="grid gap-6">
        <ExercisesPerQuarterChart data={stats.exercises} />
        <FindingsPerQuarterChart data={stats.findings} />
        <TimeToCloseChart data={stats.timeToClose} />
      </div>
    </>
  );
}
