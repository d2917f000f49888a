import { resolveOwners, type ClusterScopes, type OwnerPersonBase, type OwnersByRole, type ScopeRef } from "@/lib/domain/owner-resolution";
import type { PlanSection } from "@/lib/domain/plan-text";
import { utcText } from "@/lib/domain/utc-time";

/**
 * The offline copy of the plan (`GET /api/plan/export?format=md` and the print page): everything a
 * responder needs when the portal is down, stamped with the revision and the export time.
 */
export type PlanExport = {
  revision: {
    number: number;
    publishedAt: Date;
    publishedBy: string;
    changeNote: string | null;
    sections: PlanSection[];
  };
  exportedAt: Date;
  exportedBy: string;
  contacts: { name: string; email: string; phone: string | null; team: string | null; title: string | null }[];
  clusters: { name: string; provider: string; runtime: string; environment: string; criticality: string }[];
  ownership: OwnershipMatrixRow[];
  roles: { name: string; description: string | null; members: { name: string; phone: string | null; active: boolean }[] }[];
  escalation: {
    severity: string;
    name: string;
    description: string | null;
    tiers: { position: number; waitMinutes: number; engage: string[] }[];
  }[];
};

export type MatrixOwner = { name: string; active: boolean; inheritedFrom: string | null };

export type OwnershipMatrixRow = {
  level: "cluster" | "namespace" | "workload";
  cluster: string;
  namespace: string | null;
  isPattern: boolean;
  workload: string | null;
} & OwnersByRole<MatrixOwner>;

/**
 * One row per cluster, namespace and workload, each role resolved through the owner-resolution
 * chain; an owner that comes from an enclosing scope carries where it was inherited from.
 */
export function ownershipMatrix<P extends OwnerPersonBase>(clusters: readonly ClusterScopes<P>[]): OwnershipMatrixRow[] {
  const rows: OwnershipMatrixRow[] = [];
  for (const cluster of clusters) {
    const row = (
      level: OwnershipMatrixRow["level"],
      self: string,
      namespace: string | null,
      isPattern: boolean,
      workload: string | null,
    ) => {
      const resolved = resolveOwners(cluster, { namespace, workload });
      const mark =
        (source: ScopeRef | null) =>
        (p: P): MatrixOwner => ({
          name: p.name,
          active: p.active,
          inheritedFrom: source && source.label !== self ? source.label : null,
        });
      rows.push({
        level,
        cluster: cluster.name,
        namespace,
        isPattern,
        workload,
        primary: resolved.primary ? mark(resolved.source.primary)(resolved.primary) : null,
        secondary: resolved.secondary.map(mark(resolved.source.secondary)),
        security: resolved.securityContacts.map(mark(resolved.source.security)),
      });
    };
    row("cluster", `cluster ${cluster.name}`, null, false, null);
    for (const ns of cluster.namespaces) {
      row("namespace", `namespace ${ns.name}`, ns.name, ns.isPattern, null);
      for (const w of ns.workloads) row("workload", `workload ${ns.name}/${w.name}`, ns.name, ns.isPattern, w.name);
    }
  }
  return rows;
}

/** Table cells hold one line and no column separators. */
function cell(value: string | null | undefined): string {
  if (!value) return "—";
  return (
    value
      .replace(/\r?\n+/g, " ")
      .replace(/\|/g, "\\|")
      .trim() || "—"
  );
}

function table(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map((c) => cell(c)).join(" | ")} |`),
  ].join("\n");
}

/** Headings inside a section body sit below the section's own heading (outside code fences). */
function demoteHeadings(body: string, by: number): string {
  let fenced = false;
  return body
    .split("\n")
    .map((line) => {
      if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      return line.replace(/^(#{1,6})(\s)/, (_m, hashes: string, space: string) => `${"#".repeat(Math.min(6, hashes.length + by))}${space}`);
    })
    .join("\n");
}

export function ownerText(owner: MatrixOwner): string {
  const notes = [owner.active ? null : "inactive", owner.inheritedFrom ? `inherited from ${owner.inheritedFrom}` : null].filter(Boolean);
  return notes.length > 0 ? `${owner.name} (${notes.join("; ")})` : owner.name;
}

/** Owners of one role, those inherited from the same scope grouped: `A, B (inherited from cluster prod-eu)`. */
export function ownersText(owners: readonly MatrixOwner[]): string {
  if (owners.length === 0) return "none";
  const groups: MatrixOwner[][] = [];
  for (const owner of owners) {
    const last = groups.at(-1);
    if (last && last[0]!.inheritedFrom === owner.inheritedFrom) last.push(owner);
    else groups.push([owner]);
  }
  return groups
    .map((group) => {
      if (group.length === 1) return ownerText(group[0]!);
      const names = group.map((o) => (o.active ? o.name : `${o.name} (inactive)`)).join(", ");
      return group[0]!.inheritedFrom ? `${names} (inherited from ${group[0]!.inheritedFrom})` : names;
    })
    .join("; ");
}

export function scopeText(row: OwnershipMatrixRow): string {
  if (row.level === "cluster") return `cluster ${row.cluster}`;
  const ns = `${row.cluster}/${row.namespace}${row.isPattern ? " (pattern)" : ""}`;
  return row.level === "namespace" ? `namespace ${ns}` : `workload ${row.cluster}/${row.namespace}/${row.workload}`;
}

export function waitText(minutes: number): string {
  if (minutes === 0) return "immediately";
  if (minutes % 60 === 0) return `after ${minutes / 60} h`;
  return `after ${minutes} min`;
}

export function policyHeading(policy: { severity: string; name: string }): string {
  return policy.name.startsWith(policy.severity) ? policy.name : `${policy.severity} — ${policy.name}`;
}

/** The stamp every offline copy carries, so a reader knows how current it is. */
export function planStamp(doc: Pick<PlanExport, "revision" | "exportedAt" | "exportedBy">): string {
  return `Plan revision ${doc.revision.number}, published ${utcText(doc.revision.publishedAt)} by ${doc.revision.publishedBy}; exported ${utcText(doc.exportedAt)} by ${doc.exportedBy}`;
}

/** `bulkhead-plan-rev-3-20250304.md`: revision number and export date (UTC). */
export function planExportFilename(doc: Pick<PlanExport, "revision" | "exportedAt">): string {
  return `bulkhead-plan-rev-${doc.revision.number}-${doc.exportedAt.toISOString().slice(0, 10).replace(/-/g, "")}.md`;
}

export function renderPlanMarkdown(doc: PlanExport): string {
  const out: string[] = [];
  out.push("# Incident response plan", "", `**${planStamp(doc)}**`, "");
  out.push("> Offline copy of the plan kept in Bulkhead. Check the portal for the plan in force once it is reachable again.", "");
  if (doc.revision.changeNote) out.push(`Change note: ${doc.revision.changeNote.replace(/\r?\n+/g, " ")}`, "");

  doc.revision.sections.forEach((section, i) => {
    out.push(`## ${i + 1}. ${section.title}`, "", demoteHeadings(section.body.trim(), 2) || "_(empty)_", "");
  });
  let n = doc.revision.sections.length;

  out.push(`## ${++n}. Contacts`, "");
  out.push(
    doc.contacts.length === 0
      ? "_No active contacts._"
      : table(
          ["Name", "Team", "Title", "Phone", "Email"],
          doc.contacts.map((c) => [c.name, c.team ?? "", c.title ?? "", c.phone ?? "", c.email]),
        ),
    "",
  );

  out.push(`## ${++n}. Plan roles`, "");
  out.push(
    doc.roles.length === 0
      ? "_No plan roles are defined._"
      : table(
          ["Role", "Filled by", "Backups", "Responsibility"],
          doc.roles.map((r) => {
            const names = r.members.map((m) => `${m.name}${m.active ? "" : " (inactive)"}${m.phone ? `, ${m.phone}` : ""}`);
            return [r.name, names[0] ?? "nobody", names.slice(1).join("; "), r.description ?? ""];
          }),
        ),
    "",
  );

  out.push(`## ${++n}. Clusters and ownership`, "", "### Clusters", "");
  out.push(
    doc.clusters.length === 0
      ? "_No clusters are in the plan._"
      : table(
          ["Cluster", "Provider", "Runtime", "Environment", "Criticality"],
          doc.clusters.map((c) => [c.name, c.provider, c.runtime, c.environment, c.criticality]),
        ),
    "",
  );
  out.push(
    "### Ownership matrix",
    "",
    "DevOps primary and secondary owners and security contacts of every scope. A scope without its own owners inherits them, as marked.",
    "",
  );
  out.push(
    doc.ownership.length === 0
      ? "_No scopes are in the plan._"
      : table(
          ["Scope", "Primary owner", "Secondary owners", "Security"],
          doc.ownership.map((row) => [
            scopeText(row),
            ownersText(row.primary ? [row.primary] : []),
            ownersText(row.secondary),
            ownersText(row.security),
          ]),
        ),
    "",
  );

  out.push(`## ${++n}. Escalation`, "");
  if (doc.escalation.length === 0) out.push("_No escalation policies are defined._", "");
  for (const policy of doc.escalation) {
    out.push(`### ${policyHeading(policy)}`, "");
    if (policy.description) out.push(policy.description.replace(/\r?\n+/g, " "), "");
    out.push(
      policy.tiers.length === 0
        ? "_No tiers: this severity engages nobody._"
        : table(
            ["Tier", "When", "Engage"],
            policy.tiers.map((t) => [String(t.position), waitText(t.waitMinutes), t.engage.join("; ")]),
          ),
      "",
    );
  }
  return `${out.join("\n").trimEnd()}\n`;
}
