import { getActor } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/dal/errors";
import { getPlanExport } from "@/lib/dal/plan-export";
import { planExportFilename, renderPlanMarkdown } from "@/lib/domain/plan-markdown";
import { PlanExportQuery } from "@/lib/validation/plan-revisions";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * The offline copy of the plan as Markdown, for when the portal is down: the published text,
 * contacts, ownership matrix, roles and escalation, stamped with the revision and export time.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in to export the plan." }, { status: 401, headers: NO_STORE });

  const query = PlanExportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return Response.json({ error: query.error.issues[0]?.message ?? "Invalid query." }, { status: 400, headers: NO_STORE });
  }

  try {
    const doc = await getPlanExport(actor, query.data.format);
    return new Response(renderPlanMarkdown(doc), {
      headers: {
        ...NO_STORE,
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="${planExportFilename(doc)}"`,
      },
    });
  } catch (error) {
    // Not allowed looks like not found (STYLE rule 5).
    if (error instanceof NotFoundError || error instanceof ForbiddenError) {
      return Response.json({ error: error instanceof NotFoundError ? error.message : "Not found." }, { status: 404, headers: NO_STORE });
    }
    throw error;
  }
}
