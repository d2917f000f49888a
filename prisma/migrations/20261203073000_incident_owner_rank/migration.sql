-- An incident's owners keep the order the plan resolved them in: rows written in one statement share
-- a createdAt, so several security contacts came back in no defined order.
ALTER TABLE "IncidentOwner" ADD COLUMN "rank" INTEGER NOT NULL DEFAULT 0;

UPDATE "IncidentOwner" AS o SET "rank" = r.n
  FROM (SELECT "id", (row_number() OVER (PARTITION BY "incidentId" ORDER BY "role", "createdAt", "id") - 1)::int AS n
          FROM "IncidentOwner") AS r
 WHERE o."id" = r."id";
