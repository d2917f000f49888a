import { getActor } from "@/lib/auth/session";
import { CacaoExportQuery } from "@/lib/cacao/inputs";
import { ForbiddenError, NotFoundError } from "@/lib/dal/errors";
import { getPlaybookCacao } from "@/lib/dal/playbook-cacao";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * `GET /api/playbooks/<id>/cacao[?version=N]`: the playbook as an OASIS CACAO 2.0 document, the
 * latest published version unless a version number is given (drafts only by number).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in to export a playbook." }, { status: 401, headers: NO_STORE });

  const version = new URL(request.url).searchParams.get("version");
  const query = CacaoExportQuery.safeParse({ id: (await params).id, version: version === null || version === "" ? undefined : version });
  if (!query.success) {
    return Response.json({ error: query.error.issues[0]?.message ?? "Invalid request." }, { status: 400, headers: NO_STORE });
  }

  try {
    const { document, filename } = await getPlaybookCacao(actor, query.data.id, query.data.version);
    return new Response(`${JSON.stringify(document, null, 2)}\n`, {
      headers: {
        ...NO_STORE,
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
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
