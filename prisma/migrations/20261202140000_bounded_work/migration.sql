-- Bounded work per request (issue 10, item 6).

-- One ACTIVE run per incident and playbook, whichever version it pins: five concurrent "start run"
-- submissions must leave one run, not five. The run carries its playbook (the version's), filled in
-- by the database so that no writer can leave it out or get it wrong.
ALTER TABLE "PlaybookRun" ADD COLUMN "playbookId" TEXT;
UPDATE "PlaybookRun" AS r SET "playbookId" = v."playbookId" FROM "PlaybookVersion" AS v WHERE v.id = r."playbookVersionId";
CREATE INDEX "PlaybookRun_playbookId_idx" ON "PlaybookRun"("playbookId");
ALTER TABLE "PlaybookRun" ADD CONSTRAINT "PlaybookRun_playbookId_fkey" FOREIGN KEY ("playbookId") REFERENCES "Playbook"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE FUNCTION "PlaybookRun_playbookId"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT "playbookId" INTO NEW."playbookId" FROM "PlaybookVersion" WHERE id = NEW."playbookVersionId";
  RETURN NEW;
END $$;
CREATE TRIGGER "PlaybookRun_playbookId" BEFORE INSERT OR UPDATE OF "playbookVersionId", "playbookId" ON "PlaybookRun"
  FOR EACH ROW EXECUTE FUNCTION "PlaybookRun_playbookId"();

-- Runs started twice before this index existed: the earlier ones of a pair are abandoned, the
-- latest stays active (their steps and history are kept).
UPDATE "PlaybookRun" AS r SET status = 'ABANDONED', "completedAt" = now(), "updatedAt" = now()
WHERE r.status = 'ACTIVE' AND r."incidentId" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "PlaybookRun" AS later
  WHERE later.status = 'ACTIVE' AND later."incidentId" = r."incidentId" AND later."playbookId" = r."playbookId"
    AND (later."startedAt", later.id) > (r."startedAt", r.id));

-- Prisma cannot declare a partial index; prisma/sql-only-indexes.ts lists it for the drift test.
CREATE UNIQUE INDEX "PlaybookRun_one_active_per_incident_playbook" ON "PlaybookRun"("incidentId", "playbookId") WHERE status = 'ACTIVE';

-- Ingest reads the open incidents of a flush's correlation keys on every flush: an index of open
-- incidents only (a few per workload), not of every incident ever opened, so the read does not grow
-- with history. Its predicate is the query's own (ingest-incidents.ts openIncidentsStatement).
CREATE INDEX "Incident_open_correlationKey_lastAlertAt" ON "Incident"("correlationKey", "lastAlertAt") WHERE status <> 'CLOSED';
