import { CacaoExportParams, CacaoExportQuery } from "@/lib/cacao/inputs";
import { getPlaybookCacao } from "@/lib/dal/playbook-cacao";
import { authedRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

/**
 * `GET /api/playbooks/<id>/cacao[?version=N]`: the playbook as an OASIS CACAO 2.0 document, the
 * latest published version unless a version number is given (drafts only by number).
 */
export const GET = authedRoute(
  { signIn: "Sign in to export a playbook.", params: CacaoExportParams, query: CacaoExportQuery, notFound: "No such playbook." },
  async ({ actor, params, query }) => {
    const { document, filename } = await getPlaybookCacao(actor, params.id, query.version);
    return new Response(`${JSON.stringify(document, null, 2)}\n`, {
      headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"` },
    });
  },
);
