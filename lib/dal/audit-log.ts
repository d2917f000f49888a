import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { verifyChainSegment, type AuditChainRow, type ChainVerdict } from "@/lib/domain/audit-chain";
import type { Actor } from "@/lib/domain/roles";
import type { AuditEventDto } from "@/lib/dto/audit";
import type { AuditListFilterValue } from "@/lib/validation/audit";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(
  actor: Actor,
  filter: AuditListFilterValue,
): Promise<{ events: AuditEventDto[]; nextBefore: string | null }> {
  await authorize(actor, "audit.read", { type: "AuditEvent" });
  const where: Prisma.AuditEventWhereInput = {
    action: filter.action ? { contains: filter.action, mode: "insensitive" } : undefined,
    actorEmail: filter.actor ? { contains: filter.actor, mode: "insensitive" } : undefined,
    OR: filter.target
      ? [{ targetType: { contains: filter.target, mode: "insensitive" } }, { targetId: filter.target }]
      : undefined,
    outcome: filter.outcome,
    at: {
      gte: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined,
      lt: filter.to ? new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
    },
    seq: filter.before ? { lt: BigInt(filter.before) } : undefined,
  };
  const rows = await db().auditEvent.findMany({
    where,
    orderBy: { seq: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      seq: true, at: true, actorEmail: true, actorRole: true, action: true, outcome: true,
      targetType: true, targetId: true, before: true, after: true, ip: true, hash: true,
    },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    events: page.map((r) => ({ ...r, seq: r.seq.toString() })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.seq.toString() : null,
  };
}

const VERIFY_BATCH = 2_000;

/** Walks the whole chain in `seq` order, in batches, and reports the first broken link. */
export async function verifyAuditChainUnchecked(): Promise<ChainVerdict> {
  let previous: { seq: bigint; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const rows: AuditChainRow[] = await db().auditEvent.findMany({
      where: previous ? { seq: { gt: previous.seq } } : undefined,
      orderBy: { seq: "asc" },
      take: VERIFY_BATCH,
    });
    if (rows.length === 0) return { ok: true, checked };
    const verdict = verifyChainSegment(rows, previous);
    if (!verdict.ok) return { ...verdict, checked: checked + verdict.checked };
    checked += verdict.checked;
    const last: AuditChainRow = rows[rows.length - 1]!;
    previous = { seq: last.seq, hash: last.hash };
  }
}

/** For auditors: verifies the chain and records that it was verified, with the verdict. */
export async function verifyAuditChain(actor: Actor): Promise<ChainVerdict & { verifiedAt: Date }> {
  await authorize(actor, "audit.read", { type: "AuditEvent" });
  const verdict = await verifyAuditChainUnchecked();
  await db().$transaction((tx) =>
    appendAuditEvent(tx, {
      actor,
      action: "audit.verify_chain",
      outcome: "SUCCESS",
      targetType: "AuditEvent",
      after: verdict,
    }),
  );
  return { ...verdict, verifiedAt: new Date() };
}
