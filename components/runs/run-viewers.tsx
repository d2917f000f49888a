import type { RunViewerDto } from "@/lib/dto/runs";

/** Who else has this run open right now (from the live stream's presence). */
export function RunViewers({ viewers, meId }: { viewers: RunViewerDto[]; meId: string }) {
  const others = viewers.filter((v) => v.userId !== meId);
  return (
    <p className="text-xs text-slate-600" data-testid="run-viewers">
      {others.length ? `Also viewing: ${others.map((v) => v.name).join(", ")}` : "Nobody else is viewing this run."}
    </p>
  );
}
