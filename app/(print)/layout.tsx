/**
 * Pages meant for paper, outside the portal shell: no navigation, white background, and print
 * CSS — each part of the plan on a new page, ruled tables whose header rows repeat on every page.
 */
const PRINT_CSS = `
@page { margin: 16mm 14mm; }
@media print {
  html, body { background: #fff !important; }
  .plan-part + .plan-part { break-before: page; }
  .plan-document h2, .plan-document h3 { break-after: avoid; }
  .plan-document thead { display: table-header-group; }
  .plan-document tr { break-inside: avoid; }
  .plan-document a { color: inherit; text-decoration: none; }
  .exercise-debrief thead { display: table-header-group; }
  .exercise-debrief tr, .debrief-finding h3 { break-inside: avoid; }
}
.plan-document table { border-collapse: collapse; }
.plan-document th, .plan-document td { border: 1px solid #94a3b8; }
.exercise-debrief table { border-collapse: collapse; }
.exercise-debrief th, .exercise-debrief td { border: 1px solid #94a3b8; }
`;

export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-white text-slate-900">
      <style>{PRINT_CSS}</style>
      <main className="mx-auto max-w-4xl px-8 py-8 print:max-w-none print:p-0">{children}</main>
    </div>
  );
}
