"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  curlCommand,
  falcoHttpOutputConfig,
  falcosidekickConfig,
  falcosidekickEnv,
  INGEST_PATH,
  kindHint,
  testEventEffect,
} from "@/components/sources/connection-examples";
import type { IssuedSourceTokenDto } from "@/lib/dto/detection-sources";

const subscribe = () => () => undefined;

function Snippet({ label, text }: { label: string; text: string }) {
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="text-sm font-medium text-slate-800">{label}</h4>
        <CopyButton text={text} label={`Copy ${label.toLowerCase()}`} />
      </div>
      <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
        <code>{text}</code>
      </pre>
    </div>
  );
}

/**
 * A token shown exactly once, from the action's result held in the browser: it is in no page,
 * URL or log, and Bulkhead cannot show it again (it keeps only a hash).
 */
export function IssuedToken({
  issued,
  rotated = false,
  onDismiss,
}: {
  issued: IssuedSourceTokenDto;
  rotated?: boolean;
  onDismiss: () => void;
}) {
  // The examples use the address this portal is being viewed at.
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  const [issuedAt] = useState(() => new Date());
  return (
    <section
      aria-label={`Token for ${issued.sourceName}`}
      className="space-y-4 rounded-lg border border-amber-300 bg-amber-50 p-4"
      data-testid="issued-token"
    >
      <div>
        <h3 className="font-semibold text-amber-900">
          {rotated ? `New token for ${issued.sourceName}` : `Token for ${issued.sourceName}`}: copy it now
        </h3>
        <p className="mt-1 text-sm text-amber-900">
          This is the only time it is shown. Bulkhead keeps only a hash of it; if it is lost, rotate the token.
          {rotated ? " The previous token has stopped working: update the sender now." : null}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`token-${issued.sourceId}`} className="text-sm font-medium text-slate-800">
          Ingest token
        </label>
        <input
          id={`token-${issued.sourceId}`}
          readOnly
          value={issued.token}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-sm"
        />
        <CopyButton text={issued.token} label="Copy token" />
      </div>
      <p className="text-sm text-slate-700">
        Senders post to <code className="rounded bg-white px-1">{`${origin}${INGEST_PATH}`}</code> with the header{" "}
        <code className="rounded bg-white px-1">Authorization: Bearer &lt;token&gt;</code>. {kindHint(issued.kind)}
      </p>
      {issued.kind === "FALCO" ? <Snippet label="falco.yaml" text={falcoHttpOutputConfig(origin, issued.token)} /> : null}
      <Snippet label="falcosidekick config.yaml" text={falcosidekickConfig(origin, issued.token)} />
      <Snippet label="falcosidekick environment" text={falcosidekickEnv(origin, issued.token)} />
      <div className="space-y-1">
        <Snippet label="Test with curl" text={curlCommand(origin, issued.token, issued.sourceName, issuedAt)} />
        <p className="text-xs text-slate-600">
          Expect <code>202</code> with <code>{`"accepted":1`}</code> (and <code>{`"duplicates":1`}</code> if you send it again).{" "}
          {testEventEffect(issued.minIncidentPriority)}
        </p>
      </div>
      <Button variant="primary" onClick={onDismiss}>
        I have stored the token
      </Button>
    </section>
  );
}
