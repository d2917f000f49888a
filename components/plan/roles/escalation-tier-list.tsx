import { MemberName } from "@/components/plan/roles/member-name";
import type { EscalationTierDto } from "@/components/plan/roles/types";

export function waitLabel(minutes: number): string {
  if (minutes === 0) return "engaged at once";
  if (minutes % 60 === 0) return `after ${minutes / 60} h without acknowledgement`;
  return `after ${minutes} min without acknowledgement`;
}

/** A policy's tiers in the order they are engaged. */
export function EscalationTierList({ tiers }: { tiers: EscalationTierDto[] }) {
  return (
    <ol className="space-y-2">
      {tiers.map((tier) => (
        <li key={tier.position} className="flex gap-3 text-sm">
          <span
            className="mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-slate-900 text-xs font-semibold text-white"
            aria-hidden
          >
            {tier.position}
          </span>
          <div>
            <p className="text-xs text-slate-500">
              <span className="sr-only">Tier {tier.position}, </span>
              {waitLabel(tier.waitMinutes)}
            </p>
            <p className="flex flex-wrap gap-x-3 gap-y-1">
              {tier.roles.map((r) => (
                <span key={r.kind}>{r.name}</span>
              ))}
              {tier.contacts.map((c) => (
                <MemberName key={c.id} name={c.name} active={c.active} />
              ))}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
