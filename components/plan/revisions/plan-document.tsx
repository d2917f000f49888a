import { Markdown } from "@/components/ui/markdown";
import {
  ClustersTable,
  ContactsTable,
  EscalationTables,
  OwnershipTable,
  RolesTable,
} from "@/components/plan/revisions/plan-document-tables";
import { planStamp, type PlanExport } from "@/lib/domain/plan-markdown";

/**
 * The printable plan: the same content as the Markdown export, laid out as a document. Each
 * top-level part starts on a new page when printed (`plan-part` in the print layout's CSS).
 */
export function PlanDocument({ doc }: { doc: PlanExport }) {
  const parts: { title: string; body: React.ReactNode }[] = [
    ...doc.revision.sections.map((s) => ({
      title: s.title,
      body: s.body.trim() ? <Markdown>{s.body}</Markdown> : <p className="text-sm italic">This section is empty.</p>,
    })),
    { title: "Contacts", body: <ContactsTable contacts={doc.contacts} /> },
    { title: "Plan roles", body: <RolesTable roles={doc.roles} /> },
    {
      title: "Clusters and ownership",
      body: (
        <div className="space-y-4">
          <ClustersTable clusters={doc.clusters} />
          <h3 className="font-semibold">Ownership matrix</h3>
          <p className="text-sm">
            DevOps primary and secondary owners and security contacts of every scope. A scope without its own owners inherits them, as
            marked.
          </p>
          <OwnershipTable rows={doc.ownership} />
        </div>
      ),
    },
    { title: "Escalation", body: <EscalationTables policies={doc.escalation} /> },
  ];
  return (
    <article className="plan-document">
      <header className="mb-8 border-b-2 border-slate-800 pb-4">
        <h1 className="text-2xl font-bold">Incident response plan</h1>
        <p className="mt-2 font-semibold" data-testid="plan-stamp">
          {planStamp(doc)}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Offline copy of the plan kept in Bulkhead. Check the portal for the plan in force once it is reachable again.
        </p>
        {doc.revision.changeNote ? <p className="mt-1 text-sm">Change note: {doc.revision.changeNote}</p> : null}
      </header>
      {parts.map((part, i) => (
        <section key={part.title} className="plan-part mb-10" aria-labelledby={`part-${i}`}>
          <h2 id={`part-${i}`} className="mb-3 border-b border-slate-300 pb-1 text-xl font-semibold">
            {i + 1}. {part.title}
          </h2>
          {part.body}
        </section>
      ))}
      <footer className="mt-8 border-t border-slate-300 pt-2 text-xs text-slate-600">{planStamp(doc)}</footer>
    </article>
  );
}
