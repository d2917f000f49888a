import { Markdown } from "@/components/ui/markdown";
import type { PlanSection } from "@/components/plan/revisions/types";

/** The plan's text, one section per heading, rendered from its Markdown. */
export function PlanSections({ sections, headingLevel = 2 }: { sections: PlanSection[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="space-y-6">
      {sections.map((section, i) => (
        <section key={section.key} aria-labelledby={`plan-section-${section.key}`} className="plan-section">
          <Heading id={`plan-section-${section.key}`} className="mb-2 text-lg font-semibold">
            {i + 1}. {section.title}
          </Heading>
          {section.body.trim() ? (
            <Markdown>{section.body}</Markdown>
          ) : (
            <p className="text-sm text-slate-500 italic">This section is empty.</p>
          )}
        </section>
      ))}
    </div>
  );
}
