import { EmptyState } from "@/components/ui/empty-state";

/** The empty list explains how alerts get in, and who can start it. */
export function ConnectFalcoHelp({ canManage }: { canManage: boolean }) {
  return (
    <EmptyState title="No detection sources yet">
      <div className="mx-auto max-w-2xl space-y-2 text-left">
        <p>A detection source is a Falco or falcosidekick that may send runtime alerts to Bulkhead. To connect one:</p>
        <ol className="list-decimal space-y-1 pl-6">
          <li>
            {canManage ? "Create a source above" : "Ask an IR manager to create a source"}: give it a name, say what sends the alerts, the
            cluster to file events under when they name none, and the lowest Falco priority that opens an incident.
          </li>
          <li>Copy its token when it is shown: it is shown only once.</li>
          <li>
            In falcosidekick, enable the webhook output with <code>webhook.address</code> set to this portal&apos;s{" "}
            <code>/api/ingest/falco</code> and <code>webhook.customHeaders</code> carrying <code>Authorization: Bearer &lt;token&gt;</code>.
            Falco can also post directly: its <code>http_output</code> URL carries the token as the password (
            <code>https://falco:&lt;token&gt;@…/api/ingest/falco</code>).
          </li>
          <li>Alerts then appear on incidents, and the source shows when it was last seen.</li>
        </ol>
      </div>
    </EmptyState>
  );
}
