import "server-only";
import type { AuditOutcome, Role } from "@/lib/generated/prisma/enums";
import { auditHashText, GENESIS_HASH } from "@/lib/domain/audit-chain";
import type { Actor } from "@/lib/domain/roles";
import type { Tx } from "@/lib/db";
import { requestOrigin, type RequestOrigin } from "@/lib/dal/request-context";
import { newRowId } from "@/lib/server/db/row-id";
import { queryInTransaction, statement, type SqlStatement } from "@/lib/server/db/sql-statement";

/** Any fixed number: the advisory lock that serialises appends to the audit chain. */
const AUDIT_CHAIN_LOCK = 7_310_421;

export type AuditInput = {
  actor?: Actor | null;
  /** For failed sign-ins, where there may be no user. */
  actorEmail?: string | null;
  action: string;
  outcome?: AuditOutcome;
  targetType?: string | null;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  origin?: RequestOrigin;
};

/** A value as plain JSON text (bigints as strings, dates as ISO strings), or null for none. */
function jsonText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/**
 * The two statements that append one event to the hash chain, for the caller's transaction. The
 * first takes the transaction-scoped advisory lock, so concurrent writers take turns; the second,
 * a statement of its own so that its snapshot sees whatever the previous holder committed, reads
 * the predecessor and inserts the event with its hash (lib/domain/audit-chain.ts) computed from
 * it. The chain cannot fork, and the append costs no round trip to read the predecessor.
 */
export function auditAppendStatements(input: AuditInput, origin: RequestOrigin): SqlStatement[] {
  const beforeText = jsonText(input.before);
  const afterText = jsonText(input.after);
  const fields = {
    at: new Date(),
    actorId: input.actor?.id ?? null,
    actorEmail: input.actor?.email ?? input.actorEmail ?? null,
    actorRole: (input.actor?.role ?? null) as Role | null,
    action: input.action,
    outcome: input.outcome ?? "SUCCESS",
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    // As jsonb will give them back: the hash is verified against what is read.
    before: beforeText === null ? null : (JSON.parse(beforeText) as unknown),
    after: afterText === null ? null : (JSON.parse(afterText) as unknown),
    ip: origin.ip,
    userAgent: origin.userAgent,
    requestId: origin.requestId,
  };
  const { head, tail } = auditHashText(fields);
  return [
    statement("audit.lock", `SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})::text`),
    statement(
      "audit.append",
      `INSERT INTO "AuditEvent" (id, seq, at, "actorId", "actorEmail", "actorRole", action, outcome, "targetType", "targetId",
         before, after, ip, "userAgent", "requestId", "prevHash", hash)
       SELECT $1, p.seq, $2::timestamp, $3, $4, $5::"Role", $6, $7::"AuditOutcome", $8, $9, $10::jsonb, $11::jsonb, $12, $13, $14, p.prev,
         encode(sha256(convert_to(p.prev || E'\\n' || $15 || p.seq::text || $16, 'UTF8')), 'hex')
       FROM (SELECT coalesce(last.seq, 0) + 1 AS seq, coalesce(last.hash, '${GENESIS_HASH}') AS prev
             FROM (SELECT 1) AS one LEFT JOIN (SELECT seq, hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1) AS last ON TRUE) AS p`,
      [
        newRowId(),
        fields.at.toISOString(),
        fields.actorId,
        fields.actorEmail,
        fields.actorRole,
        fields.action,
        fields.outcome,
        fields.targetType,
        fields.targetId,
        beforeText,
        afterText,
        fields.ip,
        fields.userAgent,
        fields.requestId,
        head,
        tail,
      ],
    ),
  ];
}

/**
 * Appends one event to the hash chain inside the caller's transaction, so the change and its audit
 * row commit together or not at all.
 */
/** The newest event of the chain as this client sees it (in a transaction after an append: that event). */
export async function auditChainHead(client: Tx): Promise<{ seq: bigint; hash: string; at: Date } | null> {
  return client.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true, at: true } });
}

export async function appendAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  const origin = input.origin ?? (await requestOrigin());
  for (const s of auditAppendStatements(input, origin)) await queryInTransaction(tx, s);
}
