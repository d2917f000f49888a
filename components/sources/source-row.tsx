import { ManagedSourceRows } from "@/components/sources/source-controls";
import { rowClasses, SOURCE_COLUMNS, SourceCells } from "@/components/sources/source-cells";
import type { SourceRowActions } from "@/components/sources/types";
import type { DetectionSourceDto } from "@/lib/dto/detection-sources";
import { Cell } from "@/components/ui/data-table";

/** One source; controls only when `actions` is given (IR managers). Revoked sources stay listed, greyed. */
export function SourceRow({ source, actions }: { source: DetectionSourceDto; actions?: SourceRowActions }) {
  return (
    <tbody className="border-t border-slate-100" data-testid={`source-${source.name}`}>
      {actions && source.status !== "revoked" ? (
        <ManagedSourceRows source={source} actions={actions} columns={SOURCE_COLUMNS.length + 1} />
      ) : (
        <tr className={rowClasses(source)}>
          <SourceCells source={source} />
          {actions ? <Cell className="text-xs">Revoked for good; create a new source to replace it.</Cell> : null}
        </tr>
      )}
    </tbody>
  );
}
