"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartDataTable } from "@/components/exercises/charts/chart-data-table";
import { ChartFrame } from "@/components/exercises/charts/chart-frame";
import { ChartPanel } from "@/components/exercises/charts/chart-panel";
import type { QuarterTimeToCloseDto } from "@/lib/dto/exercises";

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** The median days action items took to close, per quarter they were closed in. */
export function TimeToCloseChart({ data }: { data: QuarterTimeToCloseDto[] }) {
  const empty = data.every((q) => q.closed === 0);
  return (
    <ChartPanel
      id="chart-time-to-close"
      title="Time to close action items"
      description="Median days from an action item's creation to its close (done or won't fix), by the quarter (UTC) it was closed in."
      empty={
        empty
          ? {
              title: "No action item was closed in these quarters",
              hint: "Choose more quarters above. An action item counts here when it is marked done or won't fix on its exercise's page.",
            }
          : null
      }
    >
      <ChartFrame label="Bar chart of the median days to close action items per quarter; the numbers, with how many closed, are in the table below.">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 288 }}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="quarter" />
            <YAxis unit=" d" />
            <Tooltip formatter={(value) => (typeof value === "number" ? days(value) : value)} />
            <Bar dataKey="medianDays" name="Median time to close" fill="#0f766e" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable
        caption="Action items closed per quarter and the median days to close"
        columns={["Median days to close", "Closed"]}
        rows={data.map((q) => ({ quarter: q.quarter, cells: [q.medianDays ?? "—", q.closed] }))}
      />
    </ChartPanel>
  );
}
