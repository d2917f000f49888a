import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PlaybookDiffView } from "@/components/playbooks/playbook-diff-view";
import { inputClasses } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { NotFoundError } from "@/lib/dal/errors";
import { getPlaybookDiff, getPlaybookOrThrow } from "@/lib/dal/playbooks";
import { PlaybookDiffQuery } from "@/lib/validation/playbooks";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Playbook changes" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => [v].flat()[0];

export default async function PlaybookDiffPage({ params, searchParams }: Props) {
  const actor = await requirePagePermission("playbooks.read");
  const { id } = await params;
  const query = await searchParams;
  const playbook = await getPlaybookOrThrow(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const numbers = playbook.versions.map((v) => v.number);
  // Without a choice: the latest version against the one before it.
  const parsed = PlaybookDiffQuery.safeParse({ from: first(query.from) ?? numbers[1], to: first(query.to) ?? numbers[0] });
  let problem = parsed.success
    ? null
    : (z.flattenError(parsed.error).formErrors[0] ??
      Object.values(z.flattenError(parsed.error).fieldErrors).flat()[0] ??
      "Choose two versions.");
  const result = parsed.success
    ? await getPlaybookDiff(actor, id, parsed.data.from, parsed.data.to).catch((error: unknown) => {
        if (!(error instanceof NotFoundError)) throw error;
        problem = error.message;
        return null;
      })
    : null;
  const selectFor = (name: "from" | "to", label: string, value: number | undefined) => (
    <label className="text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={value} className={inputClasses}>
        {numbers.map((n) => (
          <option key={n} value={n}>
            Version {n}
            {playbook.versions.find((v) => v.number === n)?.status === "DRAFT" ? " (draft)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <BackLink href={`/playbooks/${id}`}>{playbook.title}</BackLink>
      <PageHeader
        title={`Changes to ${playbook.title}`}
        description="Steps added, removed and changed between two versions; instructions compared line by line."
      />
      {numbers.length < 2 ? (
        <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600">
          This playbook has only one version so far; there is nothing to compare.
        </p>
      ) : (
        <>
          <form
            method="get"
            aria-label="Choose versions to compare"
            className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
          >
            {selectFor("from", "From", parsed.success ? parsed.data.from : numbers[1])}
            {selectFor("to", "To", parsed.success ? parsed.data.to : numbers[0])}
            <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
              Compare
            </button>
          </form>
          {problem ? (
            <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {problem}
            </p>
          ) : null}
          {result ? <PlaybookDiffView diff={result.diff} from={result.from.number} to={result.to.number} /> : null}
        </>
      )}
    </>
  );
}
