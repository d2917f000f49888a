import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ContactUsageDto } from "@/lib/dto/contacts";
import { OWNERSHIP_ROLE_LABELS } from "@/lib/dto/labels";

/** Where the plan names this person: what a deactivation would leave uncovered. */
export function ContactUsage({ usage }: { usage: ContactUsageDto }) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <UsageList title="Owns" empty="Owns no cluster, namespace or workload." href="/plan/platform">
        {usage.ownerships.map((o) => (
          <li key={o.id}>
            <span className="font-mono text-xs">{o.scope}</span> — {OWNERSHIP_ROLE_LABELS[o.role]}
            {o.role === "SECONDARY" && o.rank > 0 ? ` (#${o.rank + 1})` : ""}
          </li>
        ))}
      </UsageList>
      <UsageList title="Plan roles" empty="Fills no plan role." href="/plan/roles">
        {usage.planRoles.map((r) => (
          <li key={r.kind}>
            {r.name} {r.rank === 0 ? <Badge tone="info">fills it</Badge> : <Badge>backup {r.rank}</Badge>}
          </li>
        ))}
      </UsageList>
      <UsageList title="Named in escalation" empty="Not named directly in any escalation tier (roles they fill may be)." href="/plan/roles">
        {usage.escalationTiers.map((t) => (
          <li key={`${t.severity}-${t.position}`}>
            {t.severity} tier {t.position} — {t.waitMinutes === 0 ? "engaged at once" : `after ${t.waitMinutes} min`}
          </li>
        ))}
      </UsageList>
    </div>
  );
}

function UsageList({ title, empty, href, children }: { title: string; empty: string; href: string; children: React.ReactNode[] }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-label={title}>
      <h3 className="mb-2 flex items-center justify-between text-sm font-semibold">
        {title}
        <Link href={href} className="text-xs font-normal text-sky-800 underline">
          open
        </Link>
      </h3>
      {children.length === 0 ? <p className="text-sm text-slate-500">{empty}</p> : <ul className="space-y-1 text-sm">{children}</ul>}
    </section>
  );
}
