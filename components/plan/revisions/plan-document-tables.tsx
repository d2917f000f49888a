import { ownersText, policyHeading, scopeText, waitText, type PlanExport } from "@/lib/domain/plan-markdown";

const th = "border border-slate-400 bg-slate-100 px-2 py-1 text-left font-semibold";
const td = "border border-slate-400 px-2 py-1 align-top";

function Table({ headers, rows, label }: { headers: string[]; rows: React.ReactNode[][]; label: string }) {
  return (
    <table aria-label={label} className="w-full border-collapse text-xs">
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col" className={th}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((c, j) => (
              <td key={j} className={td}>
                {c || "—"}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ContactsTable({ contacts }: { contacts: PlanExport["contacts"] }) {
  if (contacts.length === 0) return <p className="text-sm italic">No active contacts.</p>;
  return (
    <Table
      label="Contacts"
      headers={["Name", "Team", "Title", "Phone", "Email"]}
      rows={contacts.map((c) => [c.name, c.team, c.title, c.phone, c.email])}
    />
  );
}

export function RolesTable({ roles }: { roles: PlanExport["roles"] }) {
  if (roles.length === 0) return <p className="text-sm italic">No plan roles are defined.</p>;
  const member = (m: PlanExport["roles"][number]["members"][number]) =>
    `${m.name}${m.active ? "" : " (inactive)"}${m.phone ? `, ${m.phone}` : ""}`;
  return (
    <Table
      label="Plan roles"
      headers={["Role", "Filled by", "Backups", "Responsibility"]}
      rows={roles.map((r) => [
        r.name,
        r.members[0] ? member(r.members[0]) : "nobody",
        r.members.slice(1).map(member).join("; "),
        r.description,
      ])}
    />
  );
}

export function ClustersTable({ clusters }: { clusters: PlanExport["clusters"] }) {
  if (clusters.length === 0) return <p className="text-sm italic">No clusters are in the plan.</p>;
  return (
    <Table
      label="Clusters"
      headers={["Cluster", "Provider", "Runtime", "Environment", "Criticality"]}
      rows={clusters.map((c) => [c.name, c.provider, c.runtime, c.environment, c.criticality])}
    />
  );
}

export function OwnershipTable({ rows }: { rows: PlanExport["ownership"] }) {
  if (rows.length === 0) return <p className="text-sm italic">No scopes are in the plan.</p>;
  return (
    <Table
      label="Ownership matrix"
      headers={["Scope", "Primary owner", "Secondary owners", "Security"]}
      rows={rows.map((row) => [
        row.level === "cluster" ? <strong key="s">{scopeText(row)}</strong> : scopeText(row),
        ownersText(row.primary ? [row.primary] : []),
        ownersText(row.secondary),
        ownersText(row.security),
      ])}
    />
  );
}

export function EscalationTables({ policies }: { policies: PlanExport["escalation"] }) {
  if (policies.length === 0) return <p className="text-sm italic">No escalation policies are defined.</p>;
  return (
    <div className="space-y-4">
      {policies.map((p) => (
        <div key={p.severity} className="break-inside-avoid">
          <h3 className="mb-1 font-semibold">{policyHeading(p)}</h3>
          {p.description ? <p className="mb-2 text-sm">{p.description}</p> : null}
          {p.tiers.length === 0 ? (
            <p className="text-sm italic">No tiers: this severity engages nobody.</p>
          ) : (
            <Table
              label={`${p.severity} escalation`}
              headers={["Tier", "When", "Engage"]}
              rows={p.tiers.map((t) => [String(t.position), waitText(t.waitMinutes), t.engage.join("; ")])}
            />
          )}
        </div>
      ))}
    </div>
  );
}
