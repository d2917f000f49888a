"use client";

import { useState } from "react";
import { useKeptForm } from "@/components/ui/use-kept-form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { ImportPreview } from "@/components/plan/platform/import-preview";
import type { ImportPreviewDto } from "@/components/plan/platform/labels";
import type { ActionResult } from "@/lib/form-state";

type PreviewState = ActionResult<{ preview: ImportPreviewDto }> | null;
type ApplyState = ActionResult<{ digest: string | null }> | null;

/** The server's limit (MAX_IMPORT_CHARS in lib/validation/platform.ts), checked before upload. */
const MAX_CHARS = 900_000;

/**
 * Paste → "Preview changes" (the server parses and plans, writes nothing) → "Apply import" (the
 * server parses and plans again and refuses if the plan differs from the preview's digest).
 * Editing the text or the cluster after a preview hides the Apply button until the next preview.
 */
export function ImportForm({
  clusters,
  initialClusterId,
  previewAction,
  applyAction,
}: {
  clusters: { id: string; name: string }[];
  initialClusterId: string;
  previewAction: (state: PreviewState, formData: FormData) => Promise<PreviewState>;
  applyAction: (state: ApplyState, formData: FormData) => Promise<ApplyState>;
}) {
  const [clusterId, setClusterId] = useState(initialClusterId);
  const [json, setJson] = useState("");
  const [previewed, setPreviewed] = useState<string | null>(null);
  const { state: previewState, submit: preview, pending: previewing } = useKeptForm(previewAction, { resetOnSuccess: false });
  const { state: applyState, submit: apply, pending: applying } = useKeptForm(applyAction, { resetOnSuccess: false });
  const current = `${clusterId}\n${json}`;
  const shown = previewState?.ok && previewed === current ? previewState.preview : null;
  const applied = shown && applyState?.ok && applyState.digest === shown.digest;
  const tooLong = json.length > MAX_CHARS;

  async function loadFile(file: File | undefined) {
    if (file) setJson(await file.text());
  }

  // Assembled from state rather than read from the form: the pasted text is the component's.
  function fields(digest?: string): FormData {
    const data = new FormData();
    data.set("clusterId", clusterId);
    data.set("json", json);
    if (digest) data.set("digest", digest);
    return data;
  }
  function runPreview() {
    setPreviewed(current);
    preview(fields());
  }
  function runApply() {
    if (shown) apply(fields(shown.digest));
  }

  return (
    <div className="space-y-4">
      <form
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        aria-label="Import namespaces"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="flex flex-wrap items-end gap-3">
          <div className="space-y-1">
            <label htmlFor="import-cluster" className="block text-sm font-medium text-slate-700">
              Cluster
            </label>
            <select
              id="import-cluster"
              name="clusterId"
              value={clusterId}
              onChange={(e) => setClusterId(e.target.value)}
              className={inputClasses}
            >
              {clusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="import-file" className="block text-sm font-medium text-slate-700">
              …or load a saved file
            </label>
            <input
              id="import-file"
              type="file"
              accept=".json,application/json"
              onChange={(e) => loadFile(e.target.files?.[0])}
              className="text-sm"
            />
          </div>
        </div>
        <div className="space-y-1">
          <label htmlFor="import-json" className="block text-sm font-medium text-slate-700">
            kubectl get namespaces -o json output
          </label>
          <textarea
            id="import-json"
            name="json"
            value={json}
            onChange={(e) => setJson(e.target.value)}
            rows={14}
            spellCheck={false}
            aria-describedby="import-json-hint"
            aria-invalid={(previewState && !previewState.ok) || tooLong ? true : undefined}
            placeholder={'{\n  "apiVersion": "v1",\n  "items": [ … ],\n  "kind": "List"\n}'}
            className={`${inputClasses} font-mono text-xs`}
          />
          <p id="import-json-hint" className="text-xs text-slate-500">
            Run <code>kubectl --context &lt;cluster&gt; get namespaces -o json</code> and paste its whole output. Labels{" "}
            <code>bulkhead.io/primary-owner</code>, <code>owner</code>, <code>app.kubernetes.io/owner</code> or <code>team</code> and{" "}
            <code>bulkhead.io/secondary-owner</code> naming a contact (email name or full name) pre-fill owners of namespaces that have
            none.
          </p>
          {tooLong ? (
            <p className="text-sm text-red-700">
              That is more than {MAX_CHARS.toLocaleString()} characters; import a narrower list (kubectl get namespaces -l … -o json).
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            variant={shown ? "secondary" : "primary"}
            onClick={runPreview}
            disabled={previewing || applying || tooLong || !json.trim()}
          >
            {previewing ? "Checking…" : "Preview changes"}
          </Button>
          {shown && shown.hasChanges && !applied ? (
            <Button onClick={runApply} disabled={applying || previewing}>
              {applying ? "Applying…" : "Apply import"}
            </Button>
          ) : null}
          {json ? (
            <Button variant="ghost" onClick={() => setJson("")}>
              Clear
            </Button>
          ) : null}
        </div>
        {previewState && !previewState.ok ? <FormMessage state={previewState} /> : null}
        {shown ? <FormMessage state={previewState} /> : null}
        <FormMessage state={applyState} />
        {applied ? (
          <p className="text-sm">
            <Link href="/plan/platform" className="text-sky-700 underline">
              Back to clusters &amp; owners
            </Link>
          </p>
        ) : null}
      </form>
      {shown && !applied ? <ImportPreview preview={shown} /> : null}
    </div>
  );
}
