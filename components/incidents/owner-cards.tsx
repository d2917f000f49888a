import { LongText } from "@/components/ui/long-text";
import type { IncidentOwnerDto, IncidentOwnersDto } from "@/lib/dto/incidents";

function OwnerCard({ role, owner }: { role: string; owner: IncidentOwnerDto }) {
  return (
    <li className="min-w-0 rounded-md border border-slate-200 p-3 text-sm">
      <div className="text-xs tracking-wide text-slate-500 uppercase">{role}</div>
      <div className="font-medium">
        <LongText value={owner.name} max={60} />
        {!owner.active ? <span className="ml-1 text-xs text-amber-800">(inactive contact)</span> : null}
      </div>
      {owner.team ? <div className="text-slate-600">{owner.team}</div> : null}
      <div>
        <a href={`mailto:${owner.email}`} className="text-sky-800 underline">
          {owner.email}
        </a>
      </div>
      {owner.phone ? (
        <div>
          <a href={`tel:${owner.phone.replace(/\s+/g, "")}`} className="text-sky-800 underline">
            {owner.phone}
          </a>
        </div>
      ) : null}
      {owner.inheritedFrom ? (
        <div className="mt-1 text-xs text-slate-500">
          Inherited from <LongText value={owner.inheritedFrom} max={60} />
        </div>
      ) : null}
    </li>
  );
}

/** The DevOps owners the plan named when the incident opened, with how to reach them now. */
export function OwnerCards({ owners }: { owners: IncidentOwnersDto }) {
  const all = [
    ...(owners.primary ? [{ role: "Primary owner", owner: owners.primary }] : []),
    ...owners.secondary.map((owner) => ({ role: "Secondary owner", owner })),
    ...owners.security.map((owner) => ({ role: "Security contact", owner })),
  ];
  if (all.length === 0) {
    return (
      <p className="text-sm text-amber-800">
        The plan named no owners for this scope when the incident opened. Add them under Plan → Platform.
      </p>
    );
  }
  return (
    <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
      {all.map(({ role, owner }) => (
        <OwnerCard key={`${role}-${owner.contactId}`} role={role} owner={owner} />
      ))}
    </ul>
  );
}
