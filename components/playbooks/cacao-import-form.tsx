"use client";

import { useKeptForm } from "@/components/ui/use-kept-form";
import { useState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/form-state";

type ImportState = ActionResult<{ playbookId: string }> | null;

/** The server's limit (MAX_CACAO_CHARS in lib/cacao/read-document.ts), checked before upload. */
const MAX_CHARS = 900_000;

/**
 * Paste or upload a CACAO 2.0 playbook and import it as a new draft. Dispatched by hand rather
 * than through <form action>, so a refused document stays in the box while its problems are fixed.
 */
export function CacaoImportForm({
  incidentTypes,
  importAction,
}: {
  incidentTypes: readonly { value: string; label: string }[];
  importAction: (state: ImportState, formData: FormData) => Promise<ImportState>;
}) {
  const [document, setDocument] = useState("");
  const [incidentType, setIncidentType] = useState("OTHER");
  const { state, pending, submit } = useKeptForm(importAction, { resetOnSuccess: false });
  const tooLong = document.length > MAX_CHARS;
  const problems = state && !state.ok ? (state.fieldErrors?.document ?? []).filter((p) => p !== state.message) : [];

  async function loadFile(file: File | undefined) {
    if (file) setDocument(await file.text());
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData();
    data.set("document", document);
    data.set("incidentType", incidentType);
    submit(data);
  }

  return (
    <form className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-label="Import a CACAO playbook" onSubmit={onSubmit}>
      <div className="flex flex-wrap items-end gap-4">
        <div className="space-y-1">
          <label htmlFor="cacao-file" className="block text-sm font-medium text-slate-700">
            Upload a CACAO JSON file
          </label>
          <input
            id="cacao-file"
            type="file"
            accept=".json,application/json"
            onChange={(e) => loadFile(e.target.files?.[0])}
            className="text-sm"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="cacao-incident-type" className="block text-sm font-medium text-slate-700">
            Incident type if the document names none
          </label>
          <select id="cacao-incident-type" value={incidentType} onChange={(e) => setIncidentType(e.target.value)} className={inputClasses}>
            {incidentTypes.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor="cacao-document" className="block text-sm font-medium text-slate-700">
          CACAO 2.0 playbook (JSON)
        </label>
        <textarea
          id="cacao-document"
          value={document}
          onChange={(e) => setDocument(e.target.value)}
          rows={16}
          spellCheck={false}
          aria-describedby="cacao-document-hint"
          aria-invalid={(state && !state.ok) || tooLong ? true : undefined}
          placeholder={'{\n  "type": "playbook",\n  "spec_version": "cacao-2.0",\n  …\n}'}
          className={`${inputClasses} font-mono text-xs`}
        />
        <p id="cacao-document-hint" className="text-xs text-slate-500">
          The document is checked against the OASIS CACAO 2.0 schemas and its workflow is walked from <code>workflow_start</code>: each
          action step becomes a step of the draft, in workflow order. Phases, roles, evidence and minutes come from a Bulkhead export&apos;s
          extension; otherwise steps start in Detection &amp; analysis with no role. A label <code>incident-type:…</code> in the document
          sets the incident type.
        </p>
        {tooLong ? (
          <p className="text-sm text-red-700">
            That is more than {MAX_CHARS.toLocaleString("en")} characters; Bulkhead imports playbooks up to that size.
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending || tooLong || !document.trim()}>
          {pending ? "Importing…" : "Import playbook"}
        </Button>
        {document ? (
          <Button variant="ghost" onClick={() => setDocument("")}>
            Clear
          </Button>
        ) : null}
      </div>
      <FormMessage state={state} />
      {problems.length ? (
        <ul aria-label="Problems in the document" className="list-disc space-y-1 pl-5 font-mono text-xs text-red-800">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {state?.ok ? (
        <p className="text-sm">
          <Link href={`/playbooks/${state.playbookId}`} className="text-sky-700 underline">
            Open the imported draft
          </Link>
        </p>
      ) : null}
    </form>
  );
}
