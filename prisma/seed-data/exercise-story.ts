import type {
  ActionItemStatus,
  ExerciseAttendance,
  ExerciseKind,
  FindingCategory,
  FindingSeverity,
  PlanRoleKind,
} from "@/lib/generated/prisma/client";
import type { ClusterKey } from "./assets";
import type { Span } from "./clock";
import type { ContactKey } from "./people";
import { CRYPTOMINING_V1_DELETE_STEP_TITLE } from "./playbook-cryptomining";

// Eighteen months of practice on one scenario, as an auditor should find it: a tabletop whose
// high findings were fixed in plan revision 1 and cryptomining playbook v2; a detection-only purple
// team run on an override while those fixes were still open (the gate passes on any clean
// tabletop, so an override was only ever needed then); a re-run of the tabletop that tests the
// fixes (one earlier finding recurred, exercise-story-rerun.ts); and a purple team with a
// third-party red team, gated by the re-run. Times are relative to the seed clock; exactly one
// action item is overdue. Each exercise records the plan revision and playbook version in force
// when it was planned (prisma/seed-data/plan.ts, playbook-cryptomining.ts), as the DAL does.

export type ExerciseKey = "tabletop-1" | "detection-purple-team" | "tabletop-2" | "purple-team";

export type ActionItemSeed = {
  title: string;
  owner: ContactKey;
  /** From the seed clock; negative: in the past. */
  dueIn: Span;
  status: ActionItemStatus;
  closedAgo?: Span;
  wontFixReason?: string;
  /** The published fix that closed it: a plan revision or a cryptomining playbook version, by number. */
  closedBy?: { planRevision: number } | { playbookVersion: number };
};

export type FindingSeed = {
  key: string;
  title: string;
  category: FindingCategory;
  severity: FindingSeverity;
  description: string;
  recommendation: string;
  planSectionKey?: string;
  /** A step of the cryptomining playbook, by version number and title. */
  playbookStep?: { version: number; title: string };
  attackTechnique?: string;
  cluster?: ClusterKey;
  /** The key of the earlier exercise's finding this one is a recurrence of. */
  recurrenceOf?: string;
  actionItems: ActionItemSeed[];
};

export type ParticipantSeed = { contact: ContactKey; part: string; planRole?: PlanRoleKind; attendance: ExerciseAttendance };

export type ExerciseSeed = {
  key: ExerciseKey;
  kind: ExerciseKind;
  title: string;
  conductedAgo: Span;
  /** How long before it was conducted the exercise was recorded (planned). */
  plannedDaysBefore: number;
  facilitator: string;
  facilitatorOrganisation?: string;
  redTeamOrganisation?: string;
  attackTechniques: string[];
  outcome: string;
  repeats?: ExerciseKey;
  prerequisite?: ExerciseKey;
  /** Recorded when it was started: no completed tabletop of the scenario was clean then. */
  overrideReason?: string;
  scope: { cluster: ClusterKey; namespace?: string }[];
  participants: ParticipantSeed[];
  /** The facilitator's log: minutes after the start, the user who wrote it. */
  log?: { minutes: number; by: "manager" | "responder"; text: string }[];
  findings: FindingSeed[];
};

export const attended = (contact: ContactKey, part: string, planRole?: PlanRoleKind): ParticipantSeed => ({
  contact,
  part,
  planRole,
  attendance: "ATTENDED",
});

export const TABLETOP_1: ExerciseSeed = {
  key: "tabletop-1",
  kind: "TABLETOP",
  title: "Tabletop: cryptominer in a production namespace",
  conductedAgo: { days: 470, hours: 3 },
  plannedDaysBefore: 21,
  facilitator: "Dana Whitfield",
  attackTechniques: ["T1190", "T1496.001", "T1610"],
  outcome:
    "Walked through a miner found in data-pipeline on prod-eu via an exposed Airflow webserver. The team reached containment in 95 minutes against a 60-minute target. Inject 3 (owners unreachable) stalled containment for 25 minutes because nobody was sure who may isolate a production namespace; in inject 4 the pod was deleted as the playbook said, came straight back, and the evidence went with it. Four findings.",
  scope: [{ cluster: "prod-eu", namespace: "data-pipeline" }, { cluster: "prod-us" }],
  participants: [
    attended("dana", "facilitator"),
    attended("helen", "incident commander", "INCIDENT_COMMANDER"),
    attended("marco", "security lead", "SECURITY_LEAD"),
    attended("priya", "cluster owner, prod-eu", "DEVOPS_PRIMARY"),
    attended("tomas", "cluster owner, prod-us", "DEVOPS_PRIMARY"),
    attended("sofia", "namespace primary owner, data-pipeline", "DEVOPS_PRIMARY"),
    attended("kenji", "namespace secondary owner, data-pipeline", "DEVOPS_SECONDARY"),
    attended("rebecca", "legal", "LEGAL"),
    attended("owen", "communications", "COMMUNICATIONS"),
    { contact: "miriam", part: "executive sponsor", planRole: "EXECUTIVE", attendance: "ABSENT" },
  ],
  log: [
    {
      minutes: 0,
      by: "manager",
      text: "Start. Inject 1: Falco “Detect outbound connections to common miner pool ports” from airflow-worker-1 in prod-eu/data-pipeline.",
    },
    { minutes: 18, by: "manager", text: "Inject 2: CPU at the limit on three airflow-worker pods. Helen declares SEV1." },
    {
      minutes: 31,
      by: "manager",
      text: "Inject 3: Sofia and Kenji do not answer their pages. The room debates who may apply a NetworkPolicy in a production namespace.",
    },
    { minutes: 56, by: "manager", text: "Helen decides; Priya applies the deny-all NetworkPolicy, 25 minutes after inject 3." },
    {
      minutes: 64,
      by: "manager",
      text: "Inject 4: the pod is deleted as playbook step 5 says; the StatefulSet brings it back in seconds. No checkpoint, the dropped binary is gone.",
    },
    { minutes: 95, by: "manager", text: "Containment declared. Hot wash: four findings agreed, owners named." },
  ],
  findings: [
    {
      key: "containment-authority",
      title: "Nobody was authorised to isolate a production namespace",
      category: "PLAN",
      severity: "HIGH",
      planSectionKey: "containment",
      description:
        "With the namespace owners unreachable, the team waited 25 minutes before applying a NetworkPolicy. The plan did not say who may contain what on the container platform.",
      recommendation:
        "Add a containment authority section to the plan: who may apply a deny-all NetworkPolicy, cordon a node, scale a workload to zero or delete a pod, and what the commander may do when owners do not answer.",
      actionItems: [
        {
          title: "Write and publish the containment authority section of the IR plan",
          owner: "dana",
          dueIn: { days: -430 },
          status: "DONE",
          closedAgo: { days: 439 },
          closedBy: { planRevision: 1 },
        },
      ],
    },
    {
      key: "pod-deleted",
      title: "The playbook's delete step destroyed the evidence and did not contain the miner",
      category: "PLAYBOOK",
      severity: "HIGH",
      playbookStep: { version: 1, title: CRYPTOMINING_V1_DELETE_STEP_TITLE },
      description:
        "Following version 1 of the cryptomining playbook, the responder deleted the miner pod. The StatefulSet controller started a fresh one from the same spec within seconds, the miner with it, and the dropped binary and process tree went with the old pod. The playbook had no checkpoint step.",
      recommendation:
        "Scale the workload to zero instead of deleting pods, and checkpoint the container and copy the miner binary before any containment.",
      actionItems: [
        {
          title: "Publish version 2 of the cryptomining playbook: checkpoint first, scale to zero",
          owner: "marco",
          dueIn: { days: -420 },
          status: "DONE",
          closedAgo: { days: 424 },
          closedBy: { playbookVersion: 2 },
        },
      ],
    },
    {
      key: "checkpoint-prod-us",
      title: "Checkpointing before containment is untested on prod-us",
      category: "TOOLING",
      severity: "MEDIUM",
      cluster: "prod-us",
      description:
        "The wiki plan asks for a checkpoint before containment. `crictl checkpoint` works on prod-eu (containerd 2 on Bottlerocket), but the prod-us node pools run containerd 1.7 on COS, where it fails, and nobody had tried the fallback (filesystem diff from the upper directory).",
      recommendation:
        "Enable container checkpointing on the prod-us node pools, or document and rehearse the filesystem-diff fallback there.",
      actionItems: [
        {
          title: "Enable and test container checkpointing on the prod-us node pools",
          owner: "tomas",
          dueIn: { days: -370 },
          status: "DONE",
          closedAgo: { days: 380 },
        },
      ],
    },
    {
      key: "status-page",
      title: "No status page wording for a data platform security incident",
      category: "COMMUNICATION",
      severity: "LOW",
      description: "Communications drafted the customer statement from scratch during the exercise.",
      recommendation: "Prepare a holding statement for delayed reports and exports caused by a security incident.",
      actionItems: [
        {
          title: "Write a status page statement for data platform incidents",
          owner: "owen",
          dueIn: { days: -440 },
          status: "WONT_FIX",
          closedAgo: { days: 455 },
          wontFixReason:
            "Data platform delays are not customer-facing on their own; the generic holding statement, reviewed with Legal, covers what customers see. Risk accepted by Helen Okafor.",
        },
      ],
    },
  ],
};

export const DETECTION_PURPLE_TEAM: ExerciseSeed = {
  key: "detection-purple-team",
  kind: "PURPLE_TEAM",
  title: "Purple team: miner detection rules on staging",
  conductedAgo: { days: 452, hours: 2 },
  plannedDaysBefore: 10,
  facilitator: "Dana Whitfield",
  attackTechniques: ["T1496.001", "T1036.005"],
  outcome:
    "Detection only, on staging, stopped at the first alert: Marco ran a renamed XMRig build from a staging pod against a lab pool. The Stratum and dropped-binary rules fired within seconds; the pool-port rule missed the pool on port 45700. Nothing was contained, by design.",
  prerequisite: "tabletop-1",
  overrideReason:
    "The tabletop's two open high findings (containment authority, the playbook deleting pods) are about containment, which this exercise does not reach: it only checks that the Falco miner rules fire on staging. Their fixes are due before the tabletop is run again.",
  scope: [{ cluster: "staging" }],
  participants: [
    attended("dana", "facilitator"),
    attended("marco", "red team (internal)"),
    attended("helen", "blue team lead", "SECURITY_LEAD"),
    attended("tomas", "cluster owner, staging", "DEVOPS_PRIMARY"),
  ],
  log: [
    { minutes: 0, by: "responder", text: "Renamed XMRig (kworker-sync) started in staging, pool on port 45700." },
    { minutes: 1, by: "manager", text: "Falco: Drop and execute new binary in container, and the Stratum rule. No pool-port alert." },
  ],
  findings: [
    {
      key: "pool-port",
      title: "The pool-port rule missed a pool on port 45700",
      category: "DETECTION",
      severity: "LOW",
      attackTechnique: "T1496.001",
      description: "The Falco list of miner pool ports stopped at 14444; the lab pool listened on 45700, a common default of newer pools.",
      recommendation: "Add 45700 to the miner pool ports list and review the list yearly.",
      actionItems: [
        {
          title: "Add port 45700 to the Falco miner pool ports list",
          owner: "marco",
          dueIn: { days: -440 },
          status: "DONE",
          closedAgo: { days: 441 },
        },
      ],
    },
  ],
};
