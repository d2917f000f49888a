"use client";

import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartDataTable } from "@/components/exercises/charts/chart-data-table";
import { ChartFrame } from "@/components/exercises/charts/chart-frame";
import { ChartPanel } from "@/components/exercises/charts/chart-panel";
import type { ExerciseKind, QuarterExercisesDto } from "@/lib/dto/exercises";
import { EXERCISE_KIND_LABELS } from "@/lib/dto/labels";
import { EXERCISE_KINDS } from "@/lib/domain/exercises/history-stats";

const COLOURS = { TABLETOP: "#0369a1", PURPLE_TEAM: "#7e22ce" } as const;
/** Legend and tooltip list the types in the order of practice (recharts sorts by name otherwise). */
const inOrder = (item: { dataKey?: unknown }) => EXERCISE_KINDS.indexOf(item.dataKey as ExerciseKind);

/** Completed exercises per quarter, tabletop and purple team side by side. */
export function ExercisesPerQuarterChart({ data }: { data: QuarterExercisesDto[] }) {
  const empty = data.every((q) => q.TABLETOP + q.PURPLE_TEAM === 0);
  return (
    <ChartPanel
      id="chart-exercises"
      title="Exercises held per quarter"
      description="Completed tabletop and purple-team exercises, by the quarter (UTC) they were held in."
      empty={
        empty
          ? {
              title: "No exercise was completed in these quarters",
              hint: (
                <>
                  Choose more quarters above, or see what is planned under{" "}
                  <Link href="/exercises" className="text-sky-800 underline">
                    Exercises
                  </Link>
                  : an exercise counts here once it is marked completed.
                </>
              ),
            }
          : null
      }
    >
      <ChartFrame label="Bar chart of completed exercises per quarter by type; the numbers are in the table below.">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 288 }}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="quarter" />
            <YAxis allowDecimals={false} />
            <Tooltip itemSorter={inOrder} />
            <Legend itemSorter={inOrder} />
            {EXERCISE_KINDS.map((kind) => (
              <Bar key={kind} dataKey={kind} name={EXERCISE_KIND_LABELS[kind]} fill={COLOURS[kind]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable
        caption="Completed exercises per quarter by type"
        columns={[...EXERCISE_KINDS.map((k) => EXERCISE_KIND_LABELS[k]), "Total"]}
        rows={data.map((q) => ({ quarter: q.quarter, cells: [...EXERCISE_KINDS.map((k) => q[k]), q.TABLETOP + q.PURPLE_TEAM] }))}
      />
    </ChartPanel>
  );
}
