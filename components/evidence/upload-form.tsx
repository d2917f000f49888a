"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { EvidenceOriginFields, type ContainerChoice, type EvidencePrefill } from "@/components/evidence/evidence-origin-fields";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { withInstants } from "@/components/ui/local-date-time-field";

type Progress = { sent: number; total: number };
type Outcome = { ok: boolean; message: string; fieldErrors?: Record<string, string[] | undefined> } | null;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Uploads one file to `POST /api/incidents/<key>/evidence` with XMLHttpRequest, because fetch
 * cannot report upload progress: the bar shows what has been sent, Cancel aborts the request
 * (the server then keeps nothing of it), and the form keeps what was typed when anything fails.
 */
export function UploadEvidenceForm({
  incidentKey,
  containers,
  prefill,
  maxBytes,
}: {
  incidentKey: string;
  containers: readonly ContainerChoice[];
  prefill?: EvidencePrefill;
  maxBytes: number;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setOutcome({ ok: false, message: "Choose the file to upload." });
    if (file.size > maxBytes) return setOutcome({ ok: false, message: `The file is larger than the evidence limit of ${mb(maxBytes)}.` });
    const data = withInstants(form, ["collectedAt"]);
    data.delete("containerChoice");
    // The file goes last, so the fields are in hand before its bytes arrive.
    data.delete("file");
    data.append("file", file, file.name);
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    setOutcome(null);
    setProgress({ sent: 0, total: file.size });
    xhr.upload.onprogress = (e) => setProgress({ sent: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      request.current = null;
      setProgress(null);
      let body: { error?: string; number?: number; sha256?: string; fieldErrors?: Record<string, string[]> } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // a proxy's error page: the status says enough
      }
      if (xhr.status === 201) {
        setOutcome({ ok: true, message: `Uploaded as E${body.number}, sha256 ${body.sha256}.` });
        form.reset();
        router.refresh();
      } else {
        setOutcome({ ok: false, message: body.error ?? `The upload was refused (HTTP ${xhr.status}).`, fieldErrors: body.fieldErrors });
      }
    };
    xhr.onerror = () => {
      request.current = null;
      setProgress(null);
      setOutcome({ ok: false, message: "The connection failed before the upload finished; nothing was kept. Try again." });
    };
    xhr.onabort = () => {
      request.current = null;
      setProgress(null);
      setOutcome({ ok: false, message: "Upload cancelled; nothing was kept." });
    };
    xhr.open("POST", `/api/incidents/${encodeURIComponent(incidentKey)}/evidence`);
    xhr.send(data);
  }

  const percent = progress && progress.total > 0 ? Math.floor((progress.sent / progress.total) * 100) : 0;
  return (
    <form ref={formRef} onSubmit={submit} className="space-y-3" aria-label="Upload evidence">
      <EvidenceOriginFields prefix="upload" containers={containers} prefill={prefill} errors={outcome?.fieldErrors} />
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">File</span>
        <input type="file" name="file" required className={inputClasses} />
        <span className="mt-1 block text-xs text-slate-500">
          Hashed with sha256 while it arrives and stored by that hash; the name is kept as metadata only. Up to {mb(maxBytes)}.
        </span>
      </label>
      {progress ? (
        <div className="space-y-1">
          <progress className="w-full" max={100} value={percent} aria-label="Upload progress" />
          <p className="text-xs text-slate-600" aria-live="polite">
            {percent}% — {mb(progress.sent)} of {mb(progress.total)}
          </p>
          <Button type="button" variant="secondary" onClick={() => request.current?.abort()}>
            Cancel upload
          </Button>
        </div>
      ) : (
        <Button type="submit">Upload</Button>
      )}
      <FormMessage state={outcome} />
    </form>
  );
}
