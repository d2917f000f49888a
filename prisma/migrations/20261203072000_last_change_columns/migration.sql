-- Who last changed a record, why a run was abandoned and who revoked a source now live on the
-- records themselves (docs/decisions/021): the audit log stays the record of what happened, not the
-- place features read their data from. Existing rows are filled in from the audit log once, here.

ALTER TYPE "RevisionStatus" ADD VALUE 'DISCARDED';

ALTER TABLE "User" ADD COLUMN "updatedById" TEXT;
ALTER TABLE "Contact" ADD COLUMN "updatedById" TEXT;
ALTER TABLE "PlanRole" ADD COLUMN "updatedById" TEXT;
ALTER TABLE "Cluster" ADD COLUMN "updatedById" TEXT;
ALTER TABLE "Namespace" ADD COLUMN "updatedById" TEXT;
ALTER TABLE "Workload" ADD COLUMN "updatedById" TEXT;
ALTER TABLE "EscalationPolicy" ADD COLUMN "updatedById" TEXT;
ALTER TABLE "PlanRevision" ADD COLUMN "updatedById" TEXT;
ALTER TABLE "DetectionSource" ADD COLUMN "updatedById" TEXT;
ALTER TABLE "Incident" ADD COLUMN "updatedById" TEXT;
ALTER TABLE "Playbook" ADD COLUMN "updatedById" TEXT;
ALTER TABLE "PlaybookVersion" ADD COLUMN "updatedById" TEXT;
ALTER TABLE "PlaybookRun" ADD COLUMN "updatedById" TEXT;
ALTER TABLE "PlaybookRun" ADD COLUMN "abandonReason" TEXT;
ALTER TABLE "DetectionSource" ADD COLUMN "revokedById" TEXT;

UPDATE "User" AS r SET "updatedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."targetType" = 'User' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS' AND e."actorId" IS NOT NULL
   ORDER BY e."seq" DESC LIMIT 1);
UPDATE "Contact" AS r SET "updatedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."targetType" = 'Contact' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS' AND e."actorId" IS NOT NULL
   ORDER BY e."seq" DESC LIMIT 1);
UPDATE "PlanRole" AS r SET "updatedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."targetType" = 'PlanRole' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS' AND e."actorId" IS NOT NULL
   ORDER BY e."seq" DESC LIMIT 1);
UPDATE "Cluster" AS r SET "updatedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."targetType" = 'Cluster' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS' AND e."actorId" IS NOT NULL
   ORDER BY e."seq" DESC LIMIT 1);
UPDATE "Namespace" AS r SET "updatedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."targetType" = 'Namespace' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS' AND e."actorId" IS NOT NULL
   ORDER BY e."seq" DESC LIMIT 1);
UPDATE "Workload" AS r SET "updatedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."targetType" = 'Workload' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS' AND e."actorId" IS NOT NULL
   ORDER BY e."seq" DESC LIMIT 1);
UPDATE "EscalationPolicy" AS r SET "updatedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."targetType" = 'EscalationPolicy' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS' AND e."actorId" IS NOT NULL
   ORDER BY e."seq" DESC LIMIT 1);
UPDATE "PlanRevision" AS r SET "updatedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."targetType" = 'PlanRevision' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS' AND e."actorId" IS NOT NULL
   ORDER BY e."seq" DESC LIMIT 1);
UPDATE "DetectionSource" AS r SET "updatedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."targetType" = 'DetectionSource' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS' AND e."actorId" IS NOT NULL
   ORDER BY e."seq" DESC LIMIT 1);
UPDATE "Incident" AS r SET "updatedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."targetType" = 'Incident' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS' AND e."actorId" IS NOT NULL
   ORDER BY e."seq" DESC LIMIT 1);
UPDATE "Playbook" AS r SET "updatedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."targetType" = 'Playbook' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS' AND e."actorId" IS NOT NULL
   ORDER BY e."seq" DESC LIMIT 1);
UPDATE "PlaybookVersion" AS r SET "updatedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."targetType" = 'PlaybookVersion' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS' AND e."actorId" IS NOT NULL
   ORDER BY e."seq" DESC LIMIT 1);
UPDATE "PlaybookRun" AS r SET "updatedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."targetType" = 'PlaybookRun' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS' AND e."actorId" IS NOT NULL
   ORDER BY e."seq" DESC LIMIT 1);
UPDATE "PlaybookRun" AS r SET "abandonReason" = (
  SELECT e."after"->>'reason' FROM "AuditEvent" e
   WHERE e."action" = 'run.abandon' AND e."targetType" = 'PlaybookRun' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS'
   ORDER BY e."seq" DESC LIMIT 1)
 WHERE r."status" = 'ABANDONED';
UPDATE "DetectionSource" AS r SET "revokedById" = (
  SELECT e."actorId" FROM "AuditEvent" e
   WHERE e."action" = 'source.revoke' AND e."targetType" = 'DetectionSource' AND e."targetId" = r."id" AND e."outcome" = 'SUCCESS'
   ORDER BY e."seq" DESC LIMIT 1)
 WHERE r."revokedAt" IS NOT NULL;

CREATE INDEX "User_updatedById_idx" ON "User"("updatedById");
ALTER TABLE "User" ADD CONSTRAINT "User_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Contact_updatedById_idx" ON "Contact"("updatedById");
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "PlanRole_updatedById_idx" ON "PlanRole"("updatedById");
ALTER TABLE "PlanRole" ADD CONSTRAINT "PlanRole_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Cluster_updatedById_idx" ON "Cluster"("updatedById");
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Namespace_updatedById_idx" ON "Namespace"("updatedById");
ALTER TABLE "Namespace" ADD CONSTRAINT "Namespace_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Workload_updatedById_idx" ON "Workload"("updatedById");
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "EscalationPolicy_updatedById_idx" ON "EscalationPolicy"("updatedById");
ALTER TABLE "EscalationPolicy" ADD CONSTRAINT "EscalationPolicy_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "PlanRevision_updatedById_idx" ON "PlanRevision"("updatedById");
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "DetectionSource_updatedById_idx" ON "DetectionSource"("updatedById");
ALTER TABLE "DetectionSource" ADD CONSTRAINT "DetectionSource_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Incident_updatedById_idx" ON "Incident"("updatedById");
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Playbook_updatedById_idx" ON "Playbook"("updatedById");
ALTER TABLE "Playbook" ADD CONSTRAINT "Playbook_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "PlaybookVersion_updatedById_idx" ON "PlaybookVersion"("updatedById");
ALTER TABLE "PlaybookVersion" ADD CONSTRAINT "PlaybookVersion_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "PlaybookRun_updatedById_idx" ON "PlaybookRun"("updatedById");
ALTER TABLE "PlaybookRun" ADD CONSTRAINT "PlaybookRun_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "DetectionSource_revokedById_idx" ON "DetectionSource"("revokedById");
ALTER TABLE "DetectionSource" ADD CONSTRAINT "DetectionSource_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "RunStepHistory" (
    "id" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "RunStepStatus" NOT NULL,
    "assigneeId" TEXT,
    "assignee" TEXT,
    "reason" TEXT,
    "notes" TEXT,
    "replacedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunStepHistory_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RunStepHistory_stepId_version_key" ON "RunStepHistory"("stepId", "version");
ALTER TABLE "RunStepHistory" ADD CONSTRAINT "RunStepHistory_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "RunStep"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Earlier versions of existing steps, from the audit rows that replaced them.
INSERT INTO "RunStepHistory" ("id", "stepId", "version", "status", "assigneeId", "assignee", "reason", "notes", "replacedAt")
SELECT 'h' || md5(e."targetId" || ':' || (e."before"->>'version')), e."targetId", (e."before"->>'version')::int,
       (e."before"->>'status')::"RunStepStatus", e."before"->>'assigneeId', e."before"->>'assignee',
       e."before"->>'reason', e."before"->>'notes', e."at"
  FROM "AuditEvent" e
  JOIN "RunStep" s ON s."id" = e."targetId"
 WHERE e."targetType" = 'RunStep' AND e."action" = 'run.step.update' AND e."outcome" = 'SUCCESS'
   AND e."before" ? 'version' AND e."before" ? 'status'
ON CONFLICT ("stepId", "version") DO NOTHING;
