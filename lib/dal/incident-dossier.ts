import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/dal/authorize";
import { buildDossier, DOSSIER_GROUPS, DOSSIER_SAMPLES, DOSSIER_VALUE_CHARS, type DossierGroup } from "@/lib/domain/container-dossier";
import type { Actor } from "@/lib/domain/roles";
import type { IncidentDossierDto } from "@/lib/dto/incidents";
import { env } from "@/lib/env";

/**
 * The dossier aggregates the newest alerts of the incident (read through the (incidentId,
 * eventTime) index), so its cost is bounded whether the incident has 10 alerts or 100,000; the
 * alert table pages through the rest. Alerts that share the window's oldest time all count.
 */
export const DOSSIER_WINDOW = 2_000;

// Constants written into the text: array slice bounds and LIMITs need integers, not untyped parameters.
const SAMPLES = Prisma.raw(String(DOSSIER_SAMPLES));
const CHARS = Prisma.raw(String(DOSSIER_VALUE_CHARS));

type Row = DossierGroup & { groupsOfKind: number };

/**
 * The container dossier of one incident, grouped in SQL per container id and per namespace/workload
 * with counts, first and last seen, and at most `DOSSIER_SAMPLES` distinct values per list, each
 * cut to a readable length (alert text is hostile and unbounded). At most `DOSSIER_GROUPS` groups of
 * each kind, most recently active first.
 */
export async function getContainerDossier(actor: Actor, incidentId: string, now: Date = new Date()): Promise<IncidentDossierDto> {
  await authorize(actor, "incidents.read", { type: "Incident", id: incidentId });
  // The window starts at the time of the DOSSIER_WINDOW-th newest alert (read from the
  // (incidentId, eventTime) index alone) and takes every alert from then on, ties included. Ordering
  // the rows themselves by (eventTime, id) instead made the planner walk the whole table's eventTime
  // index for a large incident: 43 ms against 6 ms at 118,000 alerts of 1,000,000.
  const windowStart = Prisma.sql`window_start AS (
        SELECT coalesce(
          (SELECT "eventTime" FROM "Alert" WHERE "incidentId" = ${incidentId} ORDER BY "eventTime" DESC OFFSET ${DOSSIER_WINDOW - 1} LIMIT 1),
          '-infinity'::timestamp) AS at)`;
  const [rows, counted] = await Promise.all([
    db().$queryRaw<Row[]>`
      WITH ${windowStart}, recent AS (
        SELECT "eventTime", left("namespace", 256) AS ns, left(coalesce("workload", "podName"), 256) AS wl, left("containerId", 128) AS cid,
               left("containerName", ${CHARS}) AS cname, left("podName", ${CHARS}) AS pod, left("imageRepository", ${CHARS}) AS repo,
               left("imageTag", 128) AS tag, left("imageDigest", 128) AS digest, left("nodeName", ${CHARS}) AS node,
               left(coalesce("processCmdline", "processName"), ${CHARS}) AS proc, left("fileName", ${CHARS}) AS file,
               left("connection", ${CHARS}) AS conn, left("userName", 128) AS usr
          FROM "Alert" WHERE "incidentId" = ${incidentId} AND "eventTime" >= (SELECT at FROM window_start)
      ), grouped AS (
        SELECT 'workload' AS kind, coalesce(ns, '-') || '/' || wl AS key, ns AS namespace, wl AS workload, NULL::text AS "containerId", recent.*
          FROM recent WHERE wl IS NOT NULL
        UNION ALL
        SELECT 'container', cid, ns, wl, cid, recent.* FROM recent WHERE cid IS NOT NULL
      ), groups AS (
        SELECT kind, key, min(namespace) AS namespace, min(workload) AS workload, min("containerId") AS "containerId",
               count(*)::int AS "alertCount", min("eventTime") AS "firstSeen", max("eventTime") AS "lastSeen",
               coalesce((array_agg(DISTINCT cname) FILTER (WHERE cname IS NOT NULL))[1:${SAMPLES}], '{}') AS "containerNames",
               coalesce((array_agg(DISTINCT pod) FILTER (WHERE pod IS NOT NULL))[1:${SAMPLES}], '{}') AS "pods",
               coalesce((array_agg(DISTINCT node) FILTER (WHERE node IS NOT NULL))[1:${SAMPLES}], '{}') AS "nodes",
               coalesce((array_agg(DISTINCT proc) FILTER (WHERE proc IS NOT NULL))[1:${SAMPLES}], '{}') AS "processes",
               coalesce((array_agg(DISTINCT file) FILTER (WHERE file IS NOT NULL))[1:${SAMPLES}], '{}') AS "files",
               coalesce((array_agg(DISTINCT conn) FILTER (WHERE conn IS NOT NULL))[1:${SAMPLES}], '{}') AS "connections",
               coalesce((array_agg(DISTINCT usr) FILTER (WHERE usr IS NOT NULL))[1:${SAMPLES}], '{}') AS "users",
               coalesce(to_jsonb((array_agg(DISTINCT jsonb_build_object('repository', repo, 'tag', tag, 'digest', digest))
                                   FILTER (WHERE repo IS NOT NULL))[1:${SAMPLES}]), '[]'::jsonb) AS "images"
          FROM grouped GROUP BY kind, key
      )
      SELECT * FROM (
        SELECT groups.*, row_number() OVER (PARTITION BY kind ORDER BY "lastSeen" DESC, key) AS rank,
               count(*) OVER (PARTITION BY kind)::int AS "groupsOfKind"
          FROM groups
      ) ranked WHERE rank <= ${DOSSIER_GROUPS}`,
    db().$queryRaw<{ n: number }[]>`
      WITH ${windowStart}
      SELECT count(*)::int AS n FROM "Alert" WHERE "incidentId" = ${incidentId} AND "eventTime" >= (SELECT at FROM window_start)`,
  ]);
  const lifetimeMinutes = env().BULKHEAD_CONTAINER_LIFETIME_MINUTES;
  const groupsOf = (kind: DossierGroup["kind"]) => rows.find((r) => r.kind === kind)?.groupsOfKind ?? 0;
  const { workloads, containers } = buildDossier(rows, now, lifetimeMinutes);
  return {
    workloads,
    containers,
    fromAlerts: counted[0]?.n ?? 0,
    moreWorkloads: Math.max(0, groupsOf("workload") - workloads.length),
    moreContainers: Math.max(0, groupsOf("container") - containers.length),
    lifetimeMinutes,
  };
}
