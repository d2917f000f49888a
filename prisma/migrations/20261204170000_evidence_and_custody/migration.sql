-- Evidence and its chain of custody, used for real (docs/decisions/025-evidence-and-custody.md).

ALTER TYPE "EvidenceKind" ADD VALUE 'KUBERNETES_EVENTS' BEFORE 'NETWORK_CAPTURE';
ALTER TYPE "EvidenceKind" ADD VALUE 'FALCO_CAPTURE' BEFORE 'MEMORY';
ALTER TYPE "EvidenceKind" ADD VALUE 'NODE_ARTEFACT' BEFORE 'OTHER';
ALTER TYPE "EvidenceKind" ADD VALUE 'ALERT_RECORD' BEFORE 'OTHER';
ALTER TYPE "CustodyAction" ADD VALUE 'DISPOSED';

ALTER TABLE "Evidence"
  ADD COLUMN "number" INTEGER,
  ADD COLUMN "nodeName" TEXT,
  ADD COLUMN "imageDigest" TEXT,
  ADD COLUMN "fileName" TEXT,
  ADD COLUMN "runStepId" TEXT,
  ADD COLUMN "createdById" TEXT;

-- Rows registered before (the demo's) are numbered in the order they were collected, and were
-- registered by whoever collected them.
UPDATE "Evidence" e SET "number" = n.number, "createdById" = e."collectedById"
  FROM (SELECT id, row_number() OVER (PARTITION BY "incidentId" ORDER BY "collectedAt", id)::int AS number FROM "Evidence") n
 WHERE n.id = e.id;

ALTER TABLE "Evidence" ALTER COLUMN "number" SET NOT NULL, ALTER COLUMN "createdById" SET NOT NULL;

DROP INDEX "Evidence_incidentId_idx";
CREATE UNIQUE INDEX "Evidence_incidentId_number_key" ON "Evidence"("incidentId", "number");
CREATE INDEX "Evidence_createdById_idx" ON "Evidence"("createdById");
CREATE INDEX "Evidence_runStepId_idx" ON "Evidence"("runStepId");
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_runStepId_fkey" FOREIGN KEY ("runStepId") REFERENCES "RunStep"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "CustodyEvent"
  ADD COLUMN "fromParty" TEXT,
  ADD COLUMN "toParty" TEXT,
  ADD COLUMN "matched" BOOLEAN;

ALTER TABLE "RunStep"
  ADD COLUMN "evidenceExpected" TEXT,
  ADD COLUMN "noEvidenceReason" TEXT;

-- The chain of custody is append-only for every role, the owner included, as the audit tables are
-- (the same escape hatch: session_replication_role = replica, superusers only, which the test
-- harness uses to empty tables). The app's role also has only SELECT and INSERT (scripts/lib/db-roles.ts).
CREATE FUNCTION "bulkhead_custody_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on "%" refused: the chain of custody is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'See docs/decisions/025-evidence-and-custody.md.';
END;
$$;

CREATE TRIGGER "CustodyEvent_append_only"
  BEFORE UPDATE OR DELETE ON "CustodyEvent"
  FOR EACH ROW EXECUTE FUNCTION "bulkhead_custody_append_only"();
CREATE TRIGGER "CustodyEvent_no_truncate"
  BEFORE TRUNCATE ON "CustodyEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "bulkhead_custody_append_only"();

-- Evidence is never deleted, and nothing that says what it is and where it came from changes: its
-- hash, size, where it is stored, its container and who collected it when. Only the description
-- may be corrected (by the owner; the app's role may not UPDATE at all).
CREATE FUNCTION "bulkhead_evidence_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Nested, not AND: a statement-level (TRUNCATE) call has no NEW to read.
  IF TG_OP = 'UPDATE' THEN
    IF (NEW."incidentId", NEW."number", NEW."kind", NEW."sha256", NEW."sizeBytes", NEW."storageKey", NEW."storageLocation",
          NEW."fileName", NEW."containerId", NEW."podName", NEW."nodeName", NEW."imageDigest", NEW."collectedById",
          NEW."collectedAt", NEW."createdById", NEW."createdAt", NEW."runStepId", NEW."id")
         IS NOT DISTINCT FROM
         (OLD."incidentId", OLD."number", OLD."kind", OLD."sha256", OLD."sizeBytes", OLD."storageKey", OLD."storageLocation",
          OLD."fileName", OLD."containerId", OLD."podName", OLD."nodeName", OLD."imageDigest", OLD."collectedById",
          OLD."collectedAt", OLD."createdById", OLD."createdAt", OLD."runStepId", OLD."id") THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '% on "%" refused: evidence is never deleted and its hash and origin never change', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'See docs/decisions/025-evidence-and-custody.md.';
END;
$$;

CREATE TRIGGER "Evidence_immutable"
  BEFORE UPDATE OR DELETE ON "Evidence"
  FOR EACH ROW EXECUTE FUNCTION "bulkhead_evidence_immutable"();
CREATE TRIGGER "Evidence_no_truncate"
  BEFORE TRUNCATE ON "Evidence"
  FOR EACH STATEMENT EXECUTE FUNCTION "bulkhead_evidence_immutable"();
