import { LongText } from "@/components/ui/long-text";
import type { IncidentOwnersDto } from "@/lib/dto/incidents";

/** Compact owners for a table cell: primary, then secondaries; inherited ones say from where. */
export function OwnerNames({ owners }: { owners: IncidentOwnersDto }) {
  const rows = [
    ...(owners.primary ? [{ ...owners.primary, role: "Primary" }] : []),
    ...owners.secondary.map((o) => ({ ...o, role: "Secondary" })),
  ];
  if (rows.length === 0) return <span className="text-amber-800">No owners in the plan</span>;
  return (
    <ul>
      {rows.map((o) => (
        <li key={`${o.role}-${o.contactId}`} className="min-w-0">
          <span className="text-slate-500">{o.role}:</span> <LongText value={o.name} max={40} />
          {o.inheritedFrom ? (
            <span className="text-xs text-slate-500">
              {" "}
              (from <LongText value={o.inheritedFrom} max={40} />)
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
