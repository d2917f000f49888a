import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { readinessBand } from "@/lib/domain/readiness";

const BAR = { good: "bg-emerald-600", warn: "bg-amber-500", bad: "bg-red-600" } as const;
const TEXT = { good: "text-emerald-800", warn: "text-amber-800", bad: "text-red-800" } as const;

/** The score with its colour band: 90+ ready, 70–89 gaps to close, below 70 not ready. */
export function ScoreMeter({ score, size = "lg" }: { score: number; size?: "lg" | "sm" }) {
  const band = readinessBand(score);
  return (
    <div>
      <div className="flex items-baseline gap-2">
        <span className={cn("font-semibold tabular-nums", TEXT[band.tone], size === "lg" ? "text-5xl" : "text-3xl")}>{score}</span>
        <span className="text-sm text-slate-500">/ 100</span>
        <Badge tone={band.tone}>{band.label}</Badge>
      </div>
      <div className="mt-2 h-2 w-full max-w-sm overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <div className={cn("h-full rounded-full", BAR[band.tone])} style={{ width: `${score}%` }} />
      </div>
    </div>
  );
}
