import { attended, type ExerciseSeed } from "./exercise-story";

// The story's second year: the tabletop run again with the fixes in place, then the purple team it
// gated. The tabletop's recurring high finding was closed before the purple team started, so the
// purple team follows it without an override; its one open low item is the demo's overdue one.

export const TABLETOP_2: ExerciseSeed = {
  key: "tabletop-2",
  kind: "TABLETOP",
  title: "Tabletop re-run: cryptominer in a production namespace",
  conductedAgo: { days: 240, hours: 4 },
  plannedDaysBefore: 21,
  facilitator: "Dana Whitfield",
  attackTechniques: ["T1190", "T1496.001", "T1610", "T1552"],
  outcome:
    "Re-run of the first tabletop with its fixes in place. The containment authority held: Priya applied the deny-all NetworkPolicy 6 minutes after the SEV1 declaration without waiting for the namespace owners, and the team scaled airflow-worker to zero after a checkpoint instead of deleting pods. Containment in 41 minutes. Inject 5 moved the miner to prod-us, where the checkpoint failed again on a newly added node pool. Three findings; one recurs from the first tabletop.",
  repeats: "tabletop-1",
  scope: [{ cluster: "prod-eu", namespace: "data-pipeline" }, { cluster: "prod-us" }],
  participants: [
    attended("dana", "facilitator"),
    attended("helen", "incident commander", "INCIDENT_COMMANDER"),
    attended("marco", "security lead", "SECURITY_LEAD"),
    attended("priya", "cluster owner, prod-eu", "DEVOPS_PRIMARY"),
    attended("tomas", "cluster owner, prod-us", "DEVOPS_PRIMARY"),
    attended("ravi", "on call, prod-us", "DEVOPS_SECONDARY"),
    attended("sofia", "namespace primary owner, data-pipeline", "DEVOPS_PRIMARY"),
    { contact: "kenji", part: "namespace secondary owner, data-pipeline", planRole: "DEVOPS_SECONDARY", attendance: "ABSENT" },
    attended("owen", "communications", "COMMUNICATIONS"),
    attended("rebecca", "legal", "LEGAL"),
    attended("miriam", "executive sponsor", "EXECUTIVE"),
  ],
  log: [
    {
      minutes: 0,
      by: "manager",
      text: "Start. Same opening as the first tabletop: miner pool connection from airflow-worker-1 in prod-eu/data-pipeline.",
    },
    {
      minutes: 11,
      by: "manager",
      text: "Inject 3 (owners unreachable): Priya applies the deny-all NetworkPolicy under the containment authority, 6 minutes after SEV1.",
    },
    {
      minutes: 38,
      by: "manager",
      text: "Inject 5: the same miner in a Job on prod-us. crictl checkpoint fails on the new node pool; nobody tries the fallback.",
    },
  ],
  findings: [
    {
      key: "checkpoint-prod-us-again",
      title: "Checkpointing failed again on prod-us",
      category: "TOOLING",
      severity: "HIGH",
      cluster: "prod-us",
      recurrenceOf: "checkpoint-prod-us",
      description:
        "The node pools added when prod-us moved to GKE 1.31 were created without the checkpoint support the earlier fix had set on the old pools, so `crictl checkpoint` failed on the node running the miner, and the fallback was not tried. Raised to high: it recurred, and prod-us carries payments.",
      recommendation:
        "Put checkpoint support in the prod-us node pool template so every new pool has it, and smoke-test a checkpoint on each pool rollout.",
      actionItems: [
        {
          title: "Checkpoint support in the prod-us node pool template, with a rollout smoke test",
          owner: "tomas",
          dueIn: { days: -90 },
          status: "DONE",
          closedAgo: { days: 95 },
        },
      ],
    },
    {
      key: "secrets-in-chat",
      title: "A wallet address and a warehouse credential were pasted into a team channel",
      category: "PLAN",
      severity: "MEDIUM",
      planSectionKey: "communication",
      description:
        "While the bridge was busy, Data Platform shared the miner's wallet address and the airflow-worker's warehouse credential in #data-platform, a channel of 140 people. The plan's communication section said nothing about what stays in the incident channel.",
      recommendation:
        "Add a need-to-know rule to the communication section: indicators and names in the incident channel only, secrets never in chat, registered as evidence instead.",
      actionItems: [
        {
          title: "Add a need-to-know rule to the plan's communication section",
          owner: "dana",
          dueIn: { days: -170 },
          status: "DONE",
          closedAgo: { days: 179 },
          closedBy: { planRevision: 2 },
        },
      ],
    },
    {
      key: "debug-toolbox",
      title: "Two prod-us on-call engineers had never used the debug toolbox",
      category: "PEOPLE",
      severity: "LOW",
      cluster: "prod-us",
      description:
        "The playbook's first step uses `kubectl debug node/... --image=ir-toolbox`; two of the three prod-us on-call engineers had not run it before and lost 10 minutes.",
      recommendation: "A hands-on session with the debug toolbox for the prod-us on-call rota, repeated when the rota changes.",
      actionItems: [
        { title: "Run a debug-toolbox session for the prod-us on-call rota", owner: "ravi", dueIn: { days: -18 }, status: "OPEN" },
      ],
    },
  ],
};

export const PURPLE_TEAM: ExerciseSeed = {
  key: "purple-team",
  kind: "PURPLE_TEAM",
  title: "Purple team: cryptominer in a production namespace",
  conductedAgo: { days: 58, hours: 5 },
  plannedDaysBefore: 21,
  facilitator: "Dana Whitfield",
  redTeamOrganisation: "Redline Security",
  attackTechniques: ["T1190", "T1496.001", "T1036.005", "T1610"],
  outcome:
    "Redline Security ran a renamed XMRig build against a lab pool from data-pipeline on prod-eu. Falco flagged the dropped binary within 4 seconds and the pool-port rule fired; containment took 38 minutes under the containment authority, with a checkpoint taken first and the workload scaled to zero. Mining over TLS through a proxy on port 443 went unnoticed for the 30-minute window.",
  prerequisite: "tabletop-2",
  scope: [{ cluster: "prod-eu", namespace: "data-pipeline" }],
  participants: [
    attended("dana", "facilitator"),
    attended("helen", "incident commander", "INCIDENT_COMMANDER"),
    attended("marco", "blue team lead", "SECURITY_LEAD"),
    attended("priya", "cluster owner, prod-eu", "DEVOPS_PRIMARY"),
    attended("sofia", "namespace primary owner, data-pipeline", "DEVOPS_PRIMARY"),
    attended("owen", "communications", "COMMUNICATIONS"),
    attended("tomas", "observer, Platform SRE"),
  ],
  log: [
    {
      minutes: 0,
      by: "manager",
      text: "Redline starts: renamed XMRig dropped into airflow-worker through a test DAG on the Airflow webserver.",
    },
    {
      minutes: 1,
      by: "responder",
      text: "Falco: Drop and execute new binary in container, 4 seconds after the drop. Incident raised in Bulkhead.",
    },
    { minutes: 38, by: "manager", text: "Contained: checkpoint taken, deny-all NetworkPolicy applied, airflow-worker scaled to zero." },
    { minutes: 45, by: "manager", text: "Phase 2: the miner relaunched behind a TLS proxy on port 443." },
    {
      minutes: 75,
      by: "manager",
      text: "End of the 30-minute window: TLS mining not detected; the CPU alert 22 minutes in was the only sign.",
    },
  ],
  findings: [
    {
      key: "tls-mining",
      title: "Mining over TLS on port 443 was not detected",
      category: "DETECTION",
      severity: "MEDIUM",
      attackTechnique: "T1496.001",
      description:
        "With the pool behind a TLS proxy on 443, neither the Stratum rule (no `stratum+tcp` in the command line) nor the pool-port rule matched. Only the CPU alert from monitoring hinted at it, 22 minutes in.",
      recommendation:
        "Default-deny egress for data-pipeline with an allow-list, and a Falco rule for connections from data-pipeline pods to destinations outside it.",
      actionItems: [
        { title: "Default-deny egress with allow-list for data-pipeline", owner: "sofia", dueIn: { days: 21 }, status: "IN_PROGRESS" },
      ],
    },
    {
      key: "executive-update",
      title: "First executive update came 40 minutes after the SEV1 declaration",
      category: "COMMUNICATION",
      severity: "LOW",
      description: "The plan asks for executive updates every 30 minutes at SEV1; the first one went out at 40.",
      recommendation: "Add an executive update template to the communication section and a reminder in the incident view.",
      actionItems: [{ title: "Executive update template for SEV1", owner: "owen", dueIn: { days: 14 }, status: "OPEN" }],
    },
  ],
};
