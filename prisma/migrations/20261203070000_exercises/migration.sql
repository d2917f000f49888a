-- Exercises as issue 12 records them (docs/decisions/020): third parties by organisation, a cancel
-- reason, scope, the facilitator's log, re-runs, participants who are contacts or users with their
-- plan role and attendance, what a finding concerns, CRITICAL findings, WONT_FIX action items with
-- a reason, and on every row people edit `updatedById` beside `version` (docs/decisions/021).

ALTER TYPE "FindingSeverity" ADD VALUE 'CRITICAL' BEFORE 'HIGH';
-- Nothing "cancelled" an action item but a decision not to fix it; the reason is now required.
ALTER TYPE "ActionItemStatus" RENAME VALUE 'CANCELLED' TO 'WONT_FIX';
CREATE TYPE "ExerciseAttendance" AS ENUM ('INVITED', 'ATTENDED', 'ABSENT');

-- Exercise
ALTER TABLE "Exercise"
  ADD COLUMN "scenarioDescription" TEXT,
  ADD COLUMN "facilitatorOrganisation" TEXT,
  ADD COLUMN "redTeamOrganisation" TEXT,
  ADD COLUMN "cancelReason" TEXT,
  ADD COLUMN "overrideAt" TIMESTAMP(3),
  ADD COLUMN "repeatsId" TEXT,
  ADD COLUMN "updatedById" TEXT;
-- A third-party facilitator was a flag; the organisation's name now says it (the name was the facilitator's).
UPDATE "Exercise" SET "facilitatorOrganisation" = "facilitator" WHERE "facilitatorThirdParty";
ALTER TABLE "Exercise" DROP COLUMN "facilitatorThirdParty";
ALTER TABLE "Exercise" ADD CONSTRAINT "Exercise_cancelled_has_reason" CHECK ("status" <> 'CANCELLED' OR "cancelReason" IS NOT NULL);

CREATE INDEX "Exercise_scenario_kind_status_idx" ON "Exercise"("scenario", "kind", "status");
CREATE INDEX "Exercise_status_idx" ON "Exercise"("status");
CREATE INDEX "Exercise_scheduledAt_idx" ON "Exercise"("scheduledAt");
CREATE INDEX "Exercise_repeatsId_idx" ON "Exercise"("repeatsId");
CREATE INDEX "Exercise_updatedById_idx" ON "Exercise"("updatedById");
ALTER TABLE "Exercise" ADD CONSTRAINT "Exercise_repeatsId_fkey" FOREIGN KEY ("repeatsId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Exercise" ADD CONSTRAINT "Exercise_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ExerciseParticipant: a contact or a user, exactly one.
ALTER TABLE "ExerciseParticipant"
  ALTER COLUMN "contactId" DROP NOT NULL,
  ADD COLUMN "userId" TEXT,
  ADD COLUMN "planRole" "PlanRoleKind",
  ADD COLUMN "attendance" "ExerciseAttendance" NOT NULL DEFAULT 'INVITED';
ALTER TABLE "ExerciseParticipant" ADD CONSTRAINT "ExerciseParticipant_contact_or_user" CHECK (num_nonnulls("contactId", "userId") = 1);
CREATE INDEX "ExerciseParticipant_userId_idx" ON "ExerciseParticipant"("userId");
CREATE UNIQUE INDEX "ExerciseParticipant_exerciseId_userId_key" ON "ExerciseParticipant"("exerciseId", "userId");
ALTER TABLE "ExerciseParticipant" ADD CONSTRAINT "ExerciseParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ExerciseScope
CREATE TABLE "ExerciseScope" (
    "id" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "namespaceId" TEXT,

    CONSTRAINT "ExerciseScope_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ExerciseScope_exerciseId_idx" ON "ExerciseScope"("exerciseId");
CREATE INDEX "ExerciseScope_clusterId_idx" ON "ExerciseScope"("clusterId");
CREATE INDEX "ExerciseScope_namespaceId_idx" ON "ExerciseScope"("namespaceId");
ALTER TABLE "ExerciseScope" ADD CONSTRAINT "ExerciseScope_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ExerciseScope" ADD CONSTRAINT "ExerciseScope_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ExerciseScope" ADD CONSTRAINT "ExerciseScope_namespaceId_fkey" FOREIGN KEY ("namespaceId") REFERENCES "Namespace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ExerciseLogEntry
CREATE TABLE "ExerciseLogEntry" (
    "id" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExerciseLogEntry_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ExerciseLogEntry_exerciseId_at_idx" ON "ExerciseLogEntry"("exerciseId", "at");
CREATE INDEX "ExerciseLogEntry_authorId_idx" ON "ExerciseLogEntry"("authorId");
ALTER TABLE "ExerciseLogEntry" ADD CONSTRAINT "ExerciseLogEntry_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ExerciseLogEntry" ADD CONSTRAINT "ExerciseLogEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Finding: what it concerns, recurrence in a re-run, who changed it last.
ALTER TABLE "Finding"
  ADD COLUMN "planSectionKey" TEXT,
  ADD COLUMN "playbookId" TEXT,
  ADD COLUMN "playbookStepId" TEXT,
  ADD COLUMN "attackTechnique" TEXT,
  ADD COLUMN "clusterId" TEXT,
  ADD COLUMN "recurrenceOfId" TEXT,
  ADD COLUMN "updatedById" TEXT;
CREATE INDEX "Finding_playbookId_idx" ON "Finding"("playbookId");
CREATE INDEX "Finding_playbookStepId_idx" ON "Finding"("playbookStepId");
CREATE INDEX "Finding_clusterId_idx" ON "Finding"("clusterId");
CREATE INDEX "Finding_recurrenceOfId_idx" ON "Finding"("recurrenceOfId");
CREATE INDEX "Finding_updatedById_idx" ON "Finding"("updatedById");
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_playbookId_fkey" FOREIGN KEY ("playbookId") REFERENCES "Playbook"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_playbookStepId_fkey" FOREIGN KEY ("playbookStepId") REFERENCES "PlaybookStep"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_recurrenceOfId_fkey" FOREIGN KEY ("recurrenceOfId") REFERENCES "Finding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ActionItem
ALTER TABLE "ActionItem"
  ADD COLUMN "wontFixReason" TEXT,
  ADD COLUMN "updatedById" TEXT;
CREATE INDEX "ActionItem_updatedById_idx" ON "ActionItem"("updatedById");
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
