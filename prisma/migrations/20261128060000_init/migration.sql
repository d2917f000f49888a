-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'IR_MANAGER', 'RESPONDER', 'AUDITOR');

-- CreateEnum
CREATE TYPE "PlanRoleKind" AS ENUM ('INCIDENT_COMMANDER', 'DEPUTY_COMMANDER', 'SECURITY_LEAD', 'DEVOPS_PRIMARY', 'DEVOPS_SECONDARY', 'LEGAL', 'COMMUNICATIONS', 'EXECUTIVE');

-- CreateEnum
CREATE TYPE "ClusterProvider" AS ENUM ('EKS', 'GKE', 'AKS', 'OPENSHIFT', 'ON_PREMISES', 'OTHER');

-- CreateEnum
CREATE TYPE "ContainerRuntime" AS ENUM ('CONTAINERD', 'CRI_O', 'DOCKER');

-- CreateEnum
CREATE TYPE "Environment" AS ENUM ('PRODUCTION', 'STAGING', 'DEVELOPMENT');

-- CreateEnum
CREATE TYPE "Criticality" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "WorkloadKind" AS ENUM ('DEPLOYMENT', 'STATEFULSET', 'DAEMONSET', 'JOB', 'CRONJOB', 'POD', 'OTHER');

-- CreateEnum
CREATE TYPE "OwnershipRole" AS ENUM ('PRIMARY', 'SECONDARY', 'SECURITY');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('SEV1', 'SEV2', 'SEV3', 'SEV4');

-- CreateEnum
CREATE TYPE "RevisionStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "DetectionSourceKind" AS ENUM ('FALCO', 'FALCOSIDEKICK', 'GENERIC');

-- CreateEnum
CREATE TYPE "FalcoPriority" AS ENUM ('EMERGENCY', 'ALERT', 'CRITICAL', 'ERROR', 'WARNING', 'NOTICE', 'INFORMATIONAL', 'DEBUG');

-- CreateEnum
CREATE TYPE "IncidentType" AS ENUM ('CRYPTOMINING', 'SHELL_IN_CONTAINER', 'CONTAINER_ESCAPE', 'MALICIOUS_IMAGE', 'CREDENTIAL_ACCESS', 'DATA_EXFILTRATION', 'RANSOMWARE', 'MALWARE', 'PERSISTENCE', 'DISCOVERY', 'OTHER');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('OPEN', 'TRIAGED', 'CONTAINED', 'ERADICATED', 'RECOVERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "TimelineKind" AS ENUM ('ALERT', 'STATUS_CHANGE', 'NOTE', 'ASSIGNMENT', 'OWNERS', 'EVIDENCE', 'RUN', 'SYSTEM');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('IMAGE', 'FILESYSTEM_DIFF', 'CONTAINER_EXPORT', 'CHECKPOINT', 'LOGS', 'MANIFEST', 'NETWORK_CAPTURE', 'MEMORY', 'OTHER');

-- CreateEnum
CREATE TYPE "CustodyAction" AS ENUM ('COLLECTED', 'TRANSFERRED', 'ACCESSED', 'VERIFIED', 'RELEASED');

-- CreateEnum
CREATE TYPE "PlaybookVersionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- CreateEnum
CREATE TYPE "PlaybookPhase" AS ENUM ('PREPARATION', 'DETECTION_ANALYSIS', 'CONTAINMENT', 'ERADICATION', 'RECOVERY', 'POST_INCIDENT');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'ABANDONED');

-- CreateEnum
CREATE TYPE "RunStepStatus" AS ENUM ('TODO', 'IN_PROGRESS', 'DONE', 'SKIPPED', 'BLOCKED');

-- CreateEnum
CREATE TYPE "ExerciseKind" AS ENUM ('TABLETOP', 'PURPLE_TEAM');

-- CreateEnum
CREATE TYPE "ExerciseStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "FindingCategory" AS ENUM ('PLAN', 'PLAYBOOK', 'DETECTION', 'TOOLING', 'PEOPLE', 'COMMUNICATION', 'OTHER');

-- CreateEnum
CREATE TYPE "FindingSeverity" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "FindingStatus" AS ENUM ('OPEN', 'RESOLVED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "ActionItemStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionEpoch" INTEGER NOT NULL DEFAULT 0,
    "lastSignInAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStartsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "team" TEXT,
    "title" TEXT,
    "notes" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "userId" TEXT,
    "lastReviewedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanRole" (
    "id" TEXT NOT NULL,
    "kind" "PlanRoleKind" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanRoleMember" (
    "id" TEXT NOT NULL,
    "planRoleId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanRoleMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cluster" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" "ClusterProvider" NOT NULL,
    "runtime" "ContainerRuntime" NOT NULL,
    "environment" "Environment" NOT NULL,
    "criticality" "Criticality" NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Namespace" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isPattern" BOOLEAN NOT NULL DEFAULT false,
    "labels" JSONB,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Namespace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workload" (
    "id" TEXT NOT NULL,
    "namespaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "WorkloadKind" NOT NULL DEFAULT 'DEPLOYMENT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ownership" (
    "id" TEXT NOT NULL,
    "role" "OwnershipRole" NOT NULL,
    "contactId" TEXT NOT NULL,
    "clusterId" TEXT,
    "namespaceId" TEXT,
    "workloadId" TEXT,
    "rank" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Ownership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationPolicy" (
    "id" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EscalationPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationTier" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "waitMinutes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EscalationTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationTarget" (
    "id" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,
    "planRoleId" TEXT,
    "contactId" TEXT,

    CONSTRAINT "EscalationTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanRevision" (
    "id" TEXT NOT NULL,
    "number" INTEGER,
    "status" "RevisionStatus" NOT NULL DEFAULT 'DRAFT',
    "sections" JSONB NOT NULL,
    "changeNote" TEXT,
    "authorId" TEXT,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DetectionSource" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "DetectionSourceKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenPrefix" TEXT NOT NULL,
    "defaultCluster" TEXT,
    "minIncidentPriority" "FalcoPriority" NOT NULL DEFAULT 'WARNING',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "revokedAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),
    "alertCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DetectionSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "eventTime" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rule" TEXT NOT NULL,
    "priority" "FalcoPriority" NOT NULL,
    "eventSource" TEXT,
    "output" TEXT NOT NULL,
    "tags" TEXT[],
    "hostname" TEXT,
    "cluster" TEXT,
    "namespace" TEXT,
    "podName" TEXT,
    "workload" TEXT,
    "containerId" TEXT,
    "containerName" TEXT,
    "imageRepository" TEXT,
    "imageTag" TEXT,
    "imageDigest" TEXT,
    "nodeName" TEXT,
    "processName" TEXT,
    "processCmdline" TEXT,
    "parentProcess" TEXT,
    "userName" TEXT,
    "fileName" TEXT,
    "connection" TEXT,
    "outputFields" JSONB NOT NULL,
    "raw" JSONB NOT NULL,
    "incidentId" TEXT,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "type" "IncidentType" NOT NULL,
    "severity" "Severity" NOT NULL,
    "status" "IncidentStatus" NOT NULL DEFAULT 'OPEN',
    "summary" TEXT,
    "correlationKey" TEXT,
    "cluster" TEXT,
    "namespace" TEXT,
    "workload" TEXT,
    "clusterId" TEXT,
    "namespaceId" TEXT,
    "commanderId" TEXT,
    "suggestedPlaybookId" TEXT,
    "planRevisionId" TEXT,
    "attackTechniques" TEXT[],
    "attackTactics" TEXT[],
    "alertCount" INTEGER NOT NULL DEFAULT 0,
    "firstAlertAt" TIMESTAMP(3),
    "lastAlertAt" TIMESTAMP(3),
    "detectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "triagedAt" TIMESTAMP(3),
    "containedAt" TIMESTAMP(3),
    "eradicatedAt" TIMESTAMP(3),
    "recoveredAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentOwner" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "role" "OwnershipRole" NOT NULL,
    "inheritedFrom" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentOwner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimelineEntry" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "kind" "TimelineKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "message" TEXT NOT NULL,
    "actorId" TEXT,
    "data" JSONB,

    CONSTRAINT "TimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "description" TEXT NOT NULL,
    "containerId" TEXT,
    "podName" TEXT,
    "storageLocation" TEXT,
    "storageKey" TEXT,
    "sha256" TEXT NOT NULL,
    "sizeBytes" BIGINT,
    "collectedById" TEXT NOT NULL,
    "collectedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustodyEvent" (
    "id" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "action" "CustodyAction" NOT NULL,
    "actorId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,
    "sha256" TEXT,

    CONSTRAINT "CustodyEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Playbook" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "incidentType" "IncidentType" NOT NULL,
    "description" TEXT,
    "attackTechniques" TEXT[],
    "retiredAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Playbook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaybookVersion" (
    "id" TEXT NOT NULL,
    "playbookId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "PlaybookVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "changeNote" TEXT,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "importedCacao" JSONB,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlaybookVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaybookStep" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "phase" "PlaybookPhase" NOT NULL,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "responsibleRole" "PlanRoleKind",
    "evidenceExpected" TEXT,
    "expectedMinutes" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlaybookStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaybookRun" (
    "id" TEXT NOT NULL,
    "playbookVersionId" TEXT NOT NULL,
    "incidentId" TEXT,
    "exerciseId" TEXT,
    "status" "RunStatus" NOT NULL DEFAULT 'ACTIVE',
    "context" JSONB NOT NULL,
    "startedById" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlaybookRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunStep" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "playbookStepId" TEXT,
    "position" INTEGER NOT NULL,
    "phase" "PlaybookPhase" NOT NULL,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "responsibleRole" "PlanRoleKind",
    "expectedMinutes" INTEGER,
    "status" "RunStepStatus" NOT NULL DEFAULT 'TODO',
    "assigneeId" TEXT,
    "reason" TEXT,
    "notes" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RunStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunPresence" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunPresence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveEvent" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "entityId" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Exercise" (
    "id" TEXT NOT NULL,
    "kind" "ExerciseKind" NOT NULL,
    "title" TEXT NOT NULL,
    "scenario" TEXT NOT NULL,
    "scheduledAt" TIMESTAMP(3),
    "conductedAt" TIMESTAMP(3),
    "facilitator" TEXT NOT NULL,
    "facilitatorThirdParty" BOOLEAN NOT NULL DEFAULT false,
    "attackTechniques" TEXT[],
    "status" "ExerciseStatus" NOT NULL DEFAULT 'PLANNED',
    "outcome" TEXT,
    "planRevisionId" TEXT,
    "prerequisiteId" TEXT,
    "overrideReason" TEXT,
    "overrideById" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Exercise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExerciseParticipant" (
    "id" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "part" TEXT,

    CONSTRAINT "ExerciseParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExercisePlaybook" (
    "id" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "playbookVersionId" TEXT NOT NULL,

    CONSTRAINT "ExercisePlaybook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" "FindingCategory" NOT NULL,
    "severity" "FindingSeverity" NOT NULL,
    "description" TEXT,
    "recommendation" TEXT NOT NULL,
    "status" "FindingStatus" NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" TEXT,
    "dueAt" TIMESTAMP(3),
    "status" "ActionItemStatus" NOT NULL DEFAULT 'OPEN',
    "closedAt" TIMESTAMP(3),
    "closedByPlanRevisionId" TEXT,
    "closedByPlaybookVersionId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "outcome" "AuditOutcome" NOT NULL DEFAULT 'SUCCESS',
    "targetType" TEXT,
    "targetId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "userAgent" TEXT,
    "requestId" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_active_idx" ON "User"("active");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_email_key" ON "Contact"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_userId_key" ON "Contact"("userId");

-- CreateIndex
CREATE INDEX "Contact_team_idx" ON "Contact"("team");

-- CreateIndex
CREATE INDEX "Contact_active_idx" ON "Contact"("active");

-- CreateIndex
CREATE INDEX "Contact_lastReviewedAt_idx" ON "Contact"("lastReviewedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlanRole_kind_key" ON "PlanRole"("kind");

-- CreateIndex
CREATE INDEX "PlanRoleMember_contactId_idx" ON "PlanRoleMember"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanRoleMember_planRoleId_contactId_key" ON "PlanRoleMember"("planRoleId", "contactId");

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_name_key" ON "Cluster"("name");

-- CreateIndex
CREATE INDEX "Cluster_environment_idx" ON "Cluster"("environment");

-- CreateIndex
CREATE UNIQUE INDEX "Namespace_clusterId_name_key" ON "Namespace"("clusterId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Workload_namespaceId_name_key" ON "Workload"("namespaceId", "name");

-- CreateIndex
CREATE INDEX "Ownership_contactId_idx" ON "Ownership"("contactId");

-- CreateIndex
CREATE INDEX "Ownership_clusterId_idx" ON "Ownership"("clusterId");

-- CreateIndex
CREATE INDEX "Ownership_namespaceId_idx" ON "Ownership"("namespaceId");

-- CreateIndex
CREATE INDEX "Ownership_workloadId_idx" ON "Ownership"("workloadId");

-- CreateIndex
CREATE INDEX "Ownership_role_idx" ON "Ownership"("role");

-- CreateIndex
CREATE UNIQUE INDEX "EscalationPolicy_severity_key" ON "EscalationPolicy"("severity");

-- CreateIndex
CREATE UNIQUE INDEX "EscalationTier_policyId_position_key" ON "EscalationTier"("policyId", "position");

-- CreateIndex
CREATE INDEX "EscalationTarget_tierId_idx" ON "EscalationTarget"("tierId");

-- CreateIndex
CREATE INDEX "EscalationTarget_planRoleId_idx" ON "EscalationTarget"("planRoleId");

-- CreateIndex
CREATE INDEX "EscalationTarget_contactId_idx" ON "EscalationTarget"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanRevision_number_key" ON "PlanRevision"("number");

-- CreateIndex
CREATE INDEX "PlanRevision_status_idx" ON "PlanRevision"("status");

-- CreateIndex
CREATE INDEX "PlanRevision_publishedAt_idx" ON "PlanRevision"("publishedAt");

-- CreateIndex
CREATE INDEX "PlanRevision_authorId_idx" ON "PlanRevision"("authorId");

-- CreateIndex
CREATE INDEX "PlanRevision_publishedById_idx" ON "PlanRevision"("publishedById");

-- CreateIndex
CREATE UNIQUE INDEX "DetectionSource_name_key" ON "DetectionSource"("name");

-- CreateIndex
CREATE UNIQUE INDEX "DetectionSource_tokenHash_key" ON "DetectionSource"("tokenHash");

-- CreateIndex
CREATE INDEX "DetectionSource_createdById_idx" ON "DetectionSource"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_dedupKey_key" ON "Alert"("dedupKey");

-- CreateIndex
CREATE INDEX "Alert_sourceId_idx" ON "Alert"("sourceId");

-- CreateIndex
CREATE INDEX "Alert_incidentId_eventTime_idx" ON "Alert"("incidentId", "eventTime");

-- CreateIndex
CREATE INDEX "Alert_eventTime_idx" ON "Alert"("eventTime");

-- CreateIndex
CREATE INDEX "Alert_cluster_namespace_workload_eventTime_idx" ON "Alert"("cluster", "namespace", "workload", "eventTime");

-- CreateIndex
CREATE INDEX "Alert_containerId_idx" ON "Alert"("containerId");

-- CreateIndex
CREATE INDEX "Alert_rule_idx" ON "Alert"("rule");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_number_key" ON "Incident"("number");

-- CreateIndex
CREATE INDEX "Incident_status_severity_idx" ON "Incident"("status", "severity");

-- CreateIndex
CREATE INDEX "Incident_severity_idx" ON "Incident"("severity");

-- CreateIndex
CREATE INDEX "Incident_cluster_namespace_idx" ON "Incident"("cluster", "namespace");

-- CreateIndex
CREATE INDEX "Incident_correlationKey_status_idx" ON "Incident"("correlationKey", "status");

-- CreateIndex
CREATE INDEX "Incident_detectedAt_idx" ON "Incident"("detectedAt");

-- CreateIndex
CREATE INDEX "Incident_clusterId_idx" ON "Incident"("clusterId");

-- CreateIndex
CREATE INDEX "Incident_namespaceId_idx" ON "Incident"("namespaceId");

-- CreateIndex
CREATE INDEX "Incident_commanderId_idx" ON "Incident"("commanderId");

-- CreateIndex
CREATE INDEX "Incident_suggestedPlaybookId_idx" ON "Incident"("suggestedPlaybookId");

-- CreateIndex
CREATE INDEX "Incident_planRevisionId_idx" ON "Incident"("planRevisionId");

-- CreateIndex
CREATE INDEX "IncidentOwner_contactId_idx" ON "IncidentOwner"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentOwner_incidentId_contactId_role_key" ON "IncidentOwner"("incidentId", "contactId", "role");

-- CreateIndex
CREATE INDEX "TimelineEntry_incidentId_at_idx" ON "TimelineEntry"("incidentId", "at");

-- CreateIndex
CREATE INDEX "TimelineEntry_actorId_idx" ON "TimelineEntry"("actorId");

-- CreateIndex
CREATE INDEX "Evidence_incidentId_idx" ON "Evidence"("incidentId");

-- CreateIndex
CREATE INDEX "Evidence_collectedById_idx" ON "Evidence"("collectedById");

-- CreateIndex
CREATE INDEX "Evidence_sha256_idx" ON "Evidence"("sha256");

-- CreateIndex
CREATE INDEX "CustodyEvent_evidenceId_at_idx" ON "CustodyEvent"("evidenceId", "at");

-- CreateIndex
CREATE INDEX "CustodyEvent_actorId_idx" ON "CustodyEvent"("actorId");

-- CreateIndex
CREATE INDEX "Playbook_incidentType_idx" ON "Playbook"("incidentType");

-- CreateIndex
CREATE INDEX "PlaybookVersion_status_idx" ON "PlaybookVersion"("status");

-- CreateIndex
CREATE INDEX "PlaybookVersion_publishedById_idx" ON "PlaybookVersion"("publishedById");

-- CreateIndex
CREATE UNIQUE INDEX "PlaybookVersion_playbookId_number_key" ON "PlaybookVersion"("playbookId", "number");

-- CreateIndex
CREATE INDEX "PlaybookStep_versionId_position_idx" ON "PlaybookStep"("versionId", "position");

-- CreateIndex
CREATE INDEX "PlaybookRun_playbookVersionId_idx" ON "PlaybookRun"("playbookVersionId");

-- CreateIndex
CREATE INDEX "PlaybookRun_incidentId_idx" ON "PlaybookRun"("incidentId");

-- CreateIndex
CREATE INDEX "PlaybookRun_exerciseId_idx" ON "PlaybookRun"("exerciseId");

-- CreateIndex
CREATE INDEX "PlaybookRun_startedById_idx" ON "PlaybookRun"("startedById");

-- CreateIndex
CREATE INDEX "PlaybookRun_status_idx" ON "PlaybookRun"("status");

-- CreateIndex
CREATE INDEX "RunStep_runId_position_idx" ON "RunStep"("runId", "position");

-- CreateIndex
CREATE INDEX "RunStep_playbookStepId_idx" ON "RunStep"("playbookStepId");

-- CreateIndex
CREATE INDEX "RunStep_assigneeId_idx" ON "RunStep"("assigneeId");

-- CreateIndex
CREATE INDEX "RunStep_updatedById_idx" ON "RunStep"("updatedById");

-- CreateIndex
CREATE UNIQUE INDEX "RunPresence_connectionId_key" ON "RunPresence"("connectionId");

-- CreateIndex
CREATE INDEX "RunPresence_runId_seenAt_idx" ON "RunPresence"("runId", "seenAt");

-- CreateIndex
CREATE INDEX "RunPresence_userId_idx" ON "RunPresence"("userId");

-- CreateIndex
CREATE INDEX "LiveEvent_topic_id_idx" ON "LiveEvent"("topic", "id");

-- CreateIndex
CREATE INDEX "LiveEvent_createdAt_idx" ON "LiveEvent"("createdAt");

-- CreateIndex
CREATE INDEX "Exercise_kind_status_idx" ON "Exercise"("kind", "status");

-- CreateIndex
CREATE INDEX "Exercise_conductedAt_idx" ON "Exercise"("conductedAt");

-- CreateIndex
CREATE INDEX "Exercise_planRevisionId_idx" ON "Exercise"("planRevisionId");

-- CreateIndex
CREATE INDEX "Exercise_prerequisiteId_idx" ON "Exercise"("prerequisiteId");

-- CreateIndex
CREATE INDEX "Exercise_overrideById_idx" ON "Exercise"("overrideById");

-- CreateIndex
CREATE INDEX "Exercise_createdById_idx" ON "Exercise"("createdById");

-- CreateIndex
CREATE INDEX "ExerciseParticipant_contactId_idx" ON "ExerciseParticipant"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseParticipant_exerciseId_contactId_key" ON "ExerciseParticipant"("exerciseId", "contactId");

-- CreateIndex
CREATE INDEX "ExercisePlaybook_playbookVersionId_idx" ON "ExercisePlaybook"("playbookVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "ExercisePlaybook_exerciseId_playbookVersionId_key" ON "ExercisePlaybook"("exerciseId", "playbookVersionId");

-- CreateIndex
CREATE INDEX "Finding_exerciseId_idx" ON "Finding"("exerciseId");

-- CreateIndex
CREATE INDEX "Finding_severity_status_idx" ON "Finding"("severity", "status");

-- CreateIndex
CREATE INDEX "ActionItem_findingId_idx" ON "ActionItem"("findingId");

-- CreateIndex
CREATE INDEX "ActionItem_ownerId_idx" ON "ActionItem"("ownerId");

-- CreateIndex
CREATE INDEX "ActionItem_status_dueAt_idx" ON "ActionItem"("status", "dueAt");

-- CreateIndex
CREATE INDEX "ActionItem_closedByPlanRevisionId_idx" ON "ActionItem"("closedByPlanRevisionId");

-- CreateIndex
CREATE INDEX "ActionItem_closedByPlaybookVersionId_idx" ON "ActionItem"("closedByPlaybookVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_idx" ON "AuditEvent"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditEvent_outcome_at_idx" ON "AuditEvent"("outcome", "at");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRoleMember" ADD CONSTRAINT "PlanRoleMember_planRoleId_fkey" FOREIGN KEY ("planRoleId") REFERENCES "PlanRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRoleMember" ADD CONSTRAINT "PlanRoleMember_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Namespace" ADD CONSTRAINT "Namespace_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_namespaceId_fkey" FOREIGN KEY ("namespaceId") REFERENCES "Namespace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_namespaceId_fkey" FOREIGN KEY ("namespaceId") REFERENCES "Namespace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_workloadId_fkey" FOREIGN KEY ("workloadId") REFERENCES "Workload"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationTier" ADD CONSTRAINT "EscalationTier_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "EscalationPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationTarget" ADD CONSTRAINT "EscalationTarget_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "EscalationTier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationTarget" ADD CONSTRAINT "EscalationTarget_planRoleId_fkey" FOREIGN KEY ("planRoleId") REFERENCES "PlanRole"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationTarget" ADD CONSTRAINT "EscalationTarget_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DetectionSource" ADD CONSTRAINT "DetectionSource_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "DetectionSource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_namespaceId_fkey" FOREIGN KEY ("namespaceId") REFERENCES "Namespace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_commanderId_fkey" FOREIGN KEY ("commanderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_suggestedPlaybookId_fkey" FOREIGN KEY ("suggestedPlaybookId") REFERENCES "Playbook"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_planRevisionId_fkey" FOREIGN KEY ("planRevisionId") REFERENCES "PlanRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentOwner" ADD CONSTRAINT "IncidentOwner_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentOwner" ADD CONSTRAINT "IncidentOwner_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEntry" ADD CONSTRAINT "TimelineEntry_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEntry" ADD CONSTRAINT "TimelineEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_collectedById_fkey" FOREIGN KEY ("collectedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustodyEvent" ADD CONSTRAINT "CustodyEvent_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustodyEvent" ADD CONSTRAINT "CustodyEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaybookVersion" ADD CONSTRAINT "PlaybookVersion_playbookId_fkey" FOREIGN KEY ("playbookId") REFERENCES "Playbook"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaybookVersion" ADD CONSTRAINT "PlaybookVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaybookStep" ADD CONSTRAINT "PlaybookStep_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PlaybookVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaybookRun" ADD CONSTRAINT "PlaybookRun_playbookVersionId_fkey" FOREIGN KEY ("playbookVersionId") REFERENCES "PlaybookVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaybookRun" ADD CONSTRAINT "PlaybookRun_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaybookRun" ADD CONSTRAINT "PlaybookRun_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaybookRun" ADD CONSTRAINT "PlaybookRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunStep" ADD CONSTRAINT "RunStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PlaybookRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunStep" ADD CONSTRAINT "RunStep_playbookStepId_fkey" FOREIGN KEY ("playbookStepId") REFERENCES "PlaybookStep"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunStep" ADD CONSTRAINT "RunStep_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunStep" ADD CONSTRAINT "RunStep_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunPresence" ADD CONSTRAINT "RunPresence_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PlaybookRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunPresence" ADD CONSTRAINT "RunPresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exercise" ADD CONSTRAINT "Exercise_planRevisionId_fkey" FOREIGN KEY ("planRevisionId") REFERENCES "PlanRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exercise" ADD CONSTRAINT "Exercise_prerequisiteId_fkey" FOREIGN KEY ("prerequisiteId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exercise" ADD CONSTRAINT "Exercise_overrideById_fkey" FOREIGN KEY ("overrideById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exercise" ADD CONSTRAINT "Exercise_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseParticipant" ADD CONSTRAINT "ExerciseParticipant_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseParticipant" ADD CONSTRAINT "ExerciseParticipant_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExercisePlaybook" ADD CONSTRAINT "ExercisePlaybook_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExercisePlaybook" ADD CONSTRAINT "ExercisePlaybook_playbookVersionId_fkey" FOREIGN KEY ("playbookVersionId") REFERENCES "PlaybookVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_closedByPlanRevisionId_fkey" FOREIGN KEY ("closedByPlanRevisionId") REFERENCES "PlanRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_closedByPlaybookVersionId_fkey" FOREIGN KEY ("closedByPlaybookVersionId") REFERENCES "PlaybookVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
