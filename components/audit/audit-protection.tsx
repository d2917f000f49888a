import { buttonClasses } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditProtectionDto } from "@/lib/dto/audit";

/**
 * Who signs the chain and the newest signed head. The public key is what an auditor records
 * outside Bulkhead (and passes to `npm run audit:verify -- --public-key`): a checkpoint, receipt or
 * export is only as trustworthy as the key it is checked with.
 */
export function AuditProtection({ protection }: { protection: AuditProtectionDto }) {
  const { signingKey, latestCheckpoint } = protection;
  return (
    <section aria-labelledby="audit-protection" className="mb-4 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 lg:grid-cols-2">
      <div>
        <h2 id="audit-protection" className="text-sm font-semibold text-slate-800">
          Signing key
        </h2>
        {signingKey ? (
          <>
            <p className="mt-1 text-xs text-slate-600">
              Checkpoints of the chain are signed with Ed25519. Key id{" "}
              <span className="font-mono" data-testid="audit-key-id">
                {signingKey.keyId}
              </span>
              ; keep this public key apart from Bulkhead to check receipts and exports with it.
            </p>
            <pre data-testid="audit-public-key" className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs">
              {signingKey.publicKeyPem}
            </pre>
          </>
        ) : (
          <p className="mt-1 text-sm text-amber-800">
            No signing key is configured (BULKHEAD_AUDIT_SIGNING_KEY): the chain is not signed, so removal of its newest events cannot be
            detected.
          </p>
        )}
      </div>
      <div>
        <h2 className="text-sm font-semibold text-slate-800">Latest signed checkpoint</h2>
        {latestCheckpoint ? (
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs" data-testid="audit-latest-checkpoint">
            <dt className="text-slate-500">Event</dt>
            <dd className="font-mono">#{latestCheckpoint.seq}</dd>
            <dt className="text-slate-500">Hash</dt>
            <dd className="font-mono break-all">{latestCheckpoint.hash}</dd>
            <dt className="text-slate-500">Signed</dt>
            <dd>
              <LocalTime value={latestCheckpoint.at} withSeconds />
            </dd>
            <dt className="text-slate-500">Checkpoints</dt>
            <dd>{protection.checkpoints}</dd>
          </dl>
        ) : (
          <p className="mt-1 text-sm text-slate-600">None yet: the first is signed within a minute of the first event.</p>
        )}
        <div className="mt-3 flex flex-wrap gap-2">
          <a href="/api/audit/receipt" download className={buttonClasses("secondary")}>
            Download signed receipt
          </a>
          <a href="/api/audit/export" download className={buttonClasses("secondary")}>
            Export the chain
          </a>
        </div>
      </div>
    </section>
  );
}
