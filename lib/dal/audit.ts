import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditOutcome, Role } from "@/lib/generated/prisma/enums";
import { auditEventHash, GENESIS_HASH } from "@/lib/domain/audit-chain";
import type { Actor } from "@/lib/domain/roles";
import type { Tx } from "@/lib/db";
import { requestOrigin, type RequestOrigin } from "@/lib/dal/request-context";

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

/** Makes a value plain JSON (dates to ISO strings, bigints to strings) so its hash survives jsonb. */
function plainJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/**
 * Appends one event to the hash chain inside the caller's transaction, so the change and its audit
 * row commit together or not at all. The transaction-scoped advisory lock makes concurrent writers
 * take turns: each reads the true predecessor, so the chain cannot fork.
 */
export async function appendAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  const origin = input.origin ?? (await requestOrigin());
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const before = plainJson(input.before);
  const after = plainJson(input.after);
  const fields = {
    seq: (last?.seq ?? 0n) + 1n,
    at: new Date(),
    actorId: input.actor?.id ?? null,
    actorEmail: input.actor?.email ?? input.actorEmail ?? null,
    actorRole: (input.actor?.role ?? null) as Role | null,
    action: input.action,
    outcome: input.outcome ?? "SUCCESS",
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    before: before ?? null,
    after: after ?? null,
    ip: origin.ip,
    userAgent: origin.userAgent,
    requestId: origin.requestId,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditEvent.create({
    data: { ...fields, before, after, prevHash, hash: auditEventHash(prevHash, fields) },
  });
}
