import { LocalTime } from "@/components/ui/local-time";
import { LongText } from "@/components/ui/long-text";
import type { IncidentAlertDetailDto } from "@/lib/dto/incidents";

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="text-sm">
        <LongText value={value} max={200} mono />
      </dd>
    </div>
  );
}

/**
 * One alert whole: its normalised fields and the raw event exactly as received. All of it was
 * written inside the container, so it is rendered as text (React escapes it), never as markup.
 */
export function AlertDetail({ alert }: { alert: IncidentAlertDetailDto }) {
  return (
    <div className="space-y-4">
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">Event time</dt>
          <dd className="text-sm">
            <LocalTime value={alert.eventTime} withSeconds />
          </dd>
        </div>
        <div>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">Received</dt>
          <dd className="text-sm">
            <LocalTime value={alert.receivedAt} withSeconds />
          </dd>
        </div>
        <Field label="Priority" value={alert.priority} />
        <Field label="Source" value={alert.eventSource} />
        <Field label="Cluster" value={alert.cluster} />
        <Field label="Namespace" value={alert.namespace} />
        <Field label="Workload" value={alert.workload} />
        <Field label="Pod" value={alert.podName} />
        <Field label="Container" value={alert.containerName} />
        <Field label="Container id" value={alert.containerId} />
        <Field
          label="Image"
          value={alert.imageRepository ? `${alert.imageRepository}${alert.imageTag ? `:${alert.imageTag}` : ""}` : null}
        />
        <Field label="Image digest" value={alert.imageDigest} />
        <Field label="Node" value={alert.nodeName} />
        <Field label="Host" value={alert.hostname} />
        <Field label="Process" value={alert.processCmdline ?? alert.processName} />
        <Field label="Parent process" value={alert.parentProcess} />
        <Field label="User" value={alert.userName} />
        <Field label="File" value={alert.fileName} />
        <Field label="Connection" value={alert.connection} />
        <Field label="Tags" value={alert.tags.join(", ") || null} />
      </dl>
      <section aria-labelledby="alert-output">
        <h2 id="alert-output" className="mb-1 text-sm font-semibold tracking-wide text-slate-500 uppercase">
          Output
        </h2>
        <pre className="max-h-64 overflow-auto rounded-md border border-slate-200 bg-white p-3 font-mono text-xs break-all whitespace-pre-wrap">
          {alert.output}
          {alert.outputLength > alert.output.length ? `… (${alert.outputLength.toLocaleString("en")} characters in all)` : ""}
        </pre>
      </section>
      <section aria-labelledby="alert-raw">
        <h2 id="alert-raw" className="mb-1 text-sm font-semibold tracking-wide text-slate-500 uppercase">
          Raw event
        </h2>
        {alert.raw.length < alert.rawLength ? (
          <p className="mb-1 text-xs text-slate-600">
            Cut at {alert.raw.length.toLocaleString("en")} characters; the stored event has {alert.rawLength.toLocaleString("en")}.
          </p>
        ) : null}
        <pre
          data-testid="raw-event"
          className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-white p-3 font-mono text-xs break-all whitespace-pre-wrap"
        >
          {alert.raw}
        </pre>
      </section>
    </div>
  );
}
