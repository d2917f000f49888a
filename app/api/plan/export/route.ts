import { getPlanExport } from "@/lib/dal/plan-export";
import { planExportFilename, renderPlanMarkdown } from "@/lib/domain/plan-markdown";
import { authedRoute } from "@/lib/http/route-handler";
import { PlanExportQuery } from "@/lib/validation/plan-revisions";

export const dynamic = "force-dynamic";

/**
 * The offline copy of the plan as Markdown, for when the portal is down: the published text,
 * contacts, ownership matrix, roles and escalation, stamped with the revision and export time.
 */
export const GET = authedRoute({ signIn: "Sign in to export the plan.", query: PlanExportQuery }, async ({ actor, query }) => {
  const doc = await getPlanExport(actor, query.format);
  return new Response(renderPlanMarkdown(doc), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${planExportFilename(doc)}"`,
    },
  });
});
