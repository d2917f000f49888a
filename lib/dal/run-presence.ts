import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError } from "@/lib/dal/errors";
import { appendLiveEvent, runTopic } from "@/lib/dal/live-events";
import type { Actor } from "@/lib/domain/roles";
import type { RunViewerDto } from "@/lib/dto/runs";

// Presence is one row per open event stream, shared by every instance. It is not part of the
// record (who looked at a run is not a change to it), so it is not audited; stale rows, left by an
// instance that died, stop counting after PRESENCE_TTL_MS and are swept when someone joins.

/** Heartbeats refresh a row well within this. */
export const PRESENCE_TTL_MS = 45_000;

/** Marks `actor` as viewing the run; the id identifies this stream for heartbeats and leaving. */
export async function joinRun(actor: Actor, runId: string): Promise<string> {
  await authorize(actor, "runs.read", { type: "PlaybookRun", id: runId });
  const connectionId = randomUUID();
  await db().$transaction(async (tx) => {
    const run = await tx.playbookRun.findUnique({ where: { id: runId }, select: { id: true } });
    if (!run) throw new NotFoundError("No such playbook run.");
    await tx.runPresence.deleteMany({ where: { runId, seenAt: { lt: new Date(Date.now() - 2 * PRESENCE_TTL_MS) } } });
    await tx.runPresence.create({ data: { runId, userId: actor.id, connectionId } });
    await appendLiveEvent(tx, { topic: runTopic(runId), kind: "presence", entityId: actor.id, actorId: actor.id });
  });
  return connectionId;
}

export async function touchPresence(connectionId: string): Promise<void> {
  await db().runPresence.updateMany({ where: { connectionId }, data: { seenAt: new Date() } });
}

export async function leaveRun(connectionId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const gone = await tx.runPresence.findUnique({ where: { connectionId }, select: { runId: true, userId: true } });
    if (!gone) return;
    await tx.runPresence.delete({ where: { connectionId } });
    await appendLiveEvent(tx, { topic: runTopic(gone.runId), kind: "presence", entityId: gone.userId, actorId: gone.userId });
  });
}

/** Everyone with a live stream on the run, each person once. */
export async function listRunViewers(actor: Actor, runId: string): Promise<RunViewerDto[]> {
  await authorize(actor, "runs.read", { type: "PlaybookRun", id: runId });
  const rows = await db().runPresence.findMany({
    where: { runId, seenAt: { gte: new Date(Date.now() - PRESENCE_TTL_MS) } },
    select: { user: { select: { id: true, name: true, role: true } } },
    orderBy: { seenAt: "asc" },
  });
  const viewers = new Map<string, RunViewerDto>();
  for (const { user } of rows) viewers.set(user.id, { userId: user.id, name: user.name, role: user.role });
  return [...viewers.values()].sort((a, b) => a.name.localeCompare(b.name));
}
