"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartDataTable } from "@/components/exercises/charts/chart-data-table";
import { ChartFrame } from "@/components/exercises/charts/chart-frame";
import { ChartPanel } from "@/components/exercises/charts/chart-panel";
import type { FindingSeverity, QuarterFindingsDto } from "@/lib/dto/exercises";
import { FINDING_SEVERITY_LABELS } from "@/lib/dto/labels";
import { FINDING_SEVERITIES } from "@/lib/domain/exercises/history-stats";

const COLOURS: Record<FindingSeverity, string> = { LOW: "#94a3b8", MEDIUM: "#f59e0b", HIGH: "#ea580c", CRITICAL: "#b91c1c" };
/** Legend and tooltip list the most severe first, as the stack reads from the top (recharts sorts by name otherwise). */
const mostSevereFirst = (item: { dataKey?: unknown }) => -FINDING_SEVERITIES.indexOf(item.dataKey as FindingSeverity);
const total = (q: QuarterFindingsDto) => FINDING_SEVERITIES.reduce((n, s) => n + q[s], 0);

/** Findings recorded per quarter, stacked by severity (the most severe on top). */
export function FindingsPerQuarterChart({ data }: { data: QuarterFindingsDto[] }) {
  const empty = data.every((q) => total(q) === 0);
  return (
    <ChartPanel
      id="chart-findings"
      title="Findings by severity over time"
      description="Findings recorded per quarter (UTC), by severity, whatever has become of them since."
      empty={
        empty
          ? {
              title: "No finding was recorded in these quarters",
              hint: "Choose more quarters above. Findings are recorded on an exercise's page while it runs and at its debrief.",
            }
          : null
      }
    >
      <ChartFrame label="Stacked bar chart of findings recorded per quarter by severity; the numbers are in the table below.">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 288 }}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="quarter" />
            <YAxis allowDecimals={false} />
            <Tooltip itemSorter={mostSevereFirst} />
            <Legend itemSorter={mostSevereFirst} />
            {FINDING_SEVERITIES.map((severity) => (
              <Bar
                key={severity}
                dataKey={severity}
                name={FINDING_SEVERITY_LABELS[severity]}
                stackId="severity"
                fill={COLOURS[severity]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartDataTable
        caption="Findings recorded per quarter by severity"
        columns={[...FINDING_SEVERITIES.map((s) => FINDING_SEVERITY_LABELS[s]), "Total"]}
        rows={data.map((q) => ({ quarter: q.quarter, cells: [...FINDING_SEVERITIES.map((s) => q[s]), total(q)] }))}
      />
    </ChartPanel>
  );
}
