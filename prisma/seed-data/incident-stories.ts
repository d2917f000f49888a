import type { EvidenceKind, IncidentStatus, IncidentType, OwnershipRole, Severity, TimelineKind } from "@/lib/generated/prisma/client";
import type { Span } from "./clock";
import { minerInAirflowWorker, privilegedDebugOnCheckout, shellInPaymentsApi, type AlertScenario } from "./incident-alerts";
import type { ContactKey, UserKey } from "./people";
import type { PlaybookKey } from "./playbook-format";

export type TimelineSeed = {
  kind: TimelineKind;
  /** After the first alert. */
  after: Span;
  message: string;
  actor?: UserKey;
  statusChange?: { from: IncidentStatus; to: IncidentStatus };
};

export type EvidenceSeed = {
  kind: EvidenceKind;
  description: string;
  file: string;
  sizeBytes: number;
  collectedBy: UserKey;
  after: Span;
  /** Also verified later by this user. */
  verifiedBy?: UserKey;
};

export type IncidentSeed = {
  title: string;
  type: IncidentType;
  severity: Severity;
  status: IncidentStatus;
  summary: string;
  /** When the first alert fired, before now. */
  firstAlertAgo: Span;
  scenario: (t0: Date) => AlertScenario;
  commander: UserKey;
  playbook: PlaybookKey;
  attackTechniques: string[];
  attackTactics: string[];
  /** Status timestamps, after the first alert. */
  times: Partial<Record<"triaged" | "contained" | "eradicated" | "recovered" | "resolved", Span>>;
  owners: { contact: ContactKey; role: OwnershipRole; inheritedFrom: string | null }[];
  ownersMessage: string;
  timeline: TimelineSeed[];
  evidence: EvidenceSeed[];
};

// Oldest first: incident numbers follow creation order.
export const INCIDENTS: readonly IncidentSeed[] = [
  {
    title: "Host disk mounted from a privileged debug container in checkout-web",
    type: "CONTAINER_ESCAPE",
    severity: "SEV3",
    status: "CLOSED",
    summary:
      "An on-call engineer investigating disk-pressure evictions attached a `kubectl debug --profile=sysadmin` ephemeral container to a checkout-web pod and mounted the node's root disk from it. No malicious activity; closed as a break-glass policy violation. The sysadmin debug profile is now restricted by a Kyverno policy.",
    firstAlertAgo: { days: 41, hours: 6 },
    scenario: privilegedDebugOnCheckout,
    commander: "responder",
    playbook: "escape",
    attackTechniques: ["T1611", "T1609"],
    attackTactics: ["privilege-escalation", "execution"],
    times: {
      triaged: { minutes: 22 },
      contained: { minutes: 47 },
      eradicated: { days: 1, hours: 2 },
      recovered: { days: 1, hours: 3 },
      resolved: { days: 3, hours: 1 },
    },
    owners: [
      { contact: "chloe", role: "PRIMARY", inheritedFrom: null },
      { contact: "ravi", role: "SECONDARY", inheritedFrom: null },
    ],
    ownersMessage: "Owners from the plan for prod-eu/checkout: primary Chloé Martin, secondary Ravi Menon.",
    timeline: [
      {
        kind: "NOTE",
        after: { minutes: 12 },
        actor: "responder",
        message:
          "EKS audit log: ephemeral container `debugger-7xk2p` added to checkout-web-5c8d7f9b64-qm7zr by ravi.menon@example.com (`kubectl debug --profile=sysadmin`, kubectl/v1.31.2) from the VPN range. Ravi is our secondary owner for checkout.",
      },
      {
        kind: "STATUS_CHANGE",
        after: { minutes: 22 },
        actor: "responder",
        statusChange: { from: "OPEN", to: "TRIAGED" },
        message: "Triaged as SEV3: privileged access to a production node by a known engineer, no sign of compromise so far.",
      },
      {
        kind: "NOTE",
        after: { minutes: 31 },
        actor: "responder",
        message:
          "Ravi confirmed on the bridge: chasing disk-pressure evictions on ip-10-42-9-21, wanted to see what filled /var/lib/containerd. No change ticket. Saved pod manifest and ephemeral container logs before he exited.",
      },
      {
        kind: "STATUS_CHANGE",
        after: { minutes: 47 },
        actor: "responder",
        statusChange: { from: "TRIAGED", to: "CONTAINED" },
        message:
          "Debug container exited, pod replaced by the ReplicaSet after evidence was saved. Node journal reviewed: no new units, cron entries or SSH keys.",
      },
      {
        kind: "STATUS_CHANGE",
        after: { days: 1, hours: 2 },
        actor: "manager",
        statusChange: { from: "CONTAINED", to: "ERADICATED" },
        message:
          "Kyverno policy `restrict-debug-profiles` enforced on prod-eu and prod-us: the sysadmin and netadmin debug profiles need the break-glass group.",
      },
      {
        kind: "STATUS_CHANGE",
        after: { days: 1, hours: 3 },
        actor: "responder",
        statusChange: { from: "ERADICATED", to: "RECOVERED" },
        message: "Node ip-10-42-9-21 drained and replaced as a precaution; disk-pressure cause (unpruned images) handed to Platform SRE.",
      },
      {
        kind: "STATUS_CHANGE",
        after: { days: 3, hours: 1 },
        actor: "manager",
        statusChange: { from: "RECOVERED", to: "CLOSED" },
        message:
          "Closed as a policy violation without compromise. Break-glass procedure for node debugging added to the next plan revision's backlog.",
      },
    ],
    evidence: [
      {
        kind: "MANIFEST",
        description: "Pod manifest of checkout-web-5c8d7f9b64-qm7zr including the ephemeral debug container spec",
        file: "checkout-web-5c8d7f9b64-qm7zr-pod.yaml",
        sizeBytes: 11_842,
        collectedBy: "responder",
        after: { minutes: 29 },
      },
      {
        kind: "LOGS",
        description: "API server audit events for the debug session (pods/ephemeralcontainers, pods/attach)",
        file: "audit-debug-session.jsonl",
        sizeBytes: 48_310,
        collectedBy: "responder",
        after: { minutes: 35 },
      },
    ],
  },
  {
    title: "Cryptominer in data-pipeline (airflow-worker)",
    type: "CRYPTOMINING",
    severity: "SEV1",
    status: "CONTAINED",
    summary:
      "XMRig-style miner (`kworker`) dropped into /tmp/.ICE-unix of the Airflow worker and connected to a Stratum pool on 203.0.113.47:3333. Entry point: the Airflow webserver had been exposed through a LoadBalancer Service. Workload scaled to zero, node cordoned and held; credential rotation in progress.",
    firstAlertAgo: { days: 3, hours: 4, minutes: 17 },
    scenario: minerInAirflowWorker,
    commander: "manager",
    playbook: "cryptomining",
    attackTechniques: ["T1190", "T1496.001", "T1036.005"],
    attackTactics: ["initial-access", "impact", "defense-evasion"],
    times: { triaged: { minutes: 9 }, contained: { hours: 1, minutes: 5 } },
    owners: [
      { contact: "sofia", role: "PRIMARY", inheritedFrom: null },
      { contact: "tomas", role: "SECONDARY", inheritedFrom: "cluster prod-eu" },
    ],
    ownersMessage:
      "Owners from the plan for prod-eu/data-pipeline: primary Sofia Lindqvist. The namespace's secondary owner, Kenji Watanabe, is inactive (left the company), so the secondary comes from cluster prod-eu: Tomás Oliveira.",
    timeline: [
      {
        kind: "NOTE",
        after: { minutes: 6 },
        actor: "responder",
        message:
          "Confirmed: `kworker` is an XMRig build, pinned at the worker's 4-CPU limit, ESTABLISHED to 203.0.113.47:3333. Parent chain airflow → bash → sh. Preserving the pod now, not touching it otherwise.",
      },
      {
        kind: "STATUS_CHANGE",
        after: { minutes: 9 },
        actor: "manager",
        statusChange: { from: "OPEN", to: "TRIAGED" },
        message:
          "SEV1: attacker code running in a production namespace whose pods hold the warehouse loader credentials. Dana Whitfield commanding.",
      },
      { kind: "ASSIGNMENT", after: { minutes: 9 }, actor: "manager", message: "Dana Whitfield took command; Marco Reyes leads analysis." },
      {
        kind: "NOTE",
        after: { minutes: 15 },
        actor: "manager",
        message:
          "Paged the plan's secondary for data-pipeline, Kenji Watanabe: no answer, and his contact record is inactive. Tomás Oliveira (cluster secondary) joined instead. Readiness gap to fix: data-pipeline needs a new secondary owner.",
      },
      {
        kind: "EVIDENCE",
        after: { minutes: 27 },
        actor: "responder",
        message:
          "Registered pod manifest, worker logs (current and --previous; the worker restarted once at the CPU limit) and a checkpoint of container 9b3e71d0c4a2.",
      },
      {
        kind: "NOTE",
        after: { minutes: 33 },
        actor: "responder",
        message:
          "Applied `bulkhead-quarantine-workload` deny-all NetworkPolicy to airflow-worker pods; no more connections to :3333. Cordoned ip-10-42-33-140 and disabled autoscaler scale-down for it.",
      },
      {
        kind: "NOTE",
        after: { minutes: 52 },
        actor: "manager",
        message:
          "With Sofia's agreement: `kubectl scale statefulset/airflow-worker -n data-pipeline --replicas=0`. Entry point: the airflow-webserver Service was switched to type LoadBalancer last week; webserver log shows a DAG run triggered with a crafted conf from 198.51.100.23. Service back to ClusterIP.",
      },
      {
        kind: "STATUS_CHANGE",
        after: { hours: 1, minutes: 5 },
        actor: "manager",
        statusChange: { from: "TRIAGED", to: "CONTAINED" },
        message:
          "Contained: no miner process anywhere in prod-eu (checked all nodes' Falco alerts and CPU), worker at zero replicas, webserver no longer reachable from the internet.",
      },
      {
        kind: "NOTE",
        after: { hours: 2, minutes: 40 },
        actor: "responder",
        message:
          "Rotation in progress: airflow service account recreated, warehouse loader key and Airflow fernet key rotated by Sofia. Node kept for disk snapshot.",
      },
    ],
    evidence: [
      {
        kind: "MANIFEST",
        description: "Pod manifest and describe output of airflow-worker-2",
        file: "airflow-worker-2-pod.yaml",
        sizeBytes: 14_213,
        collectedBy: "responder",
        after: { minutes: 18 },
      },
      {
        kind: "LOGS",
        description: "Worker container logs, current and --previous",
        file: "airflow-worker-2-logs.tar.gz",
        sizeBytes: 2_381_004,
        collectedBy: "responder",
        after: { minutes: 21 },
      },
      {
        kind: "CHECKPOINT",
        description: "crictl checkpoint of container 9b3e71d0c4a2 on ip-10-42-33-140, with the dropped miner binary",
        file: "9b3e71d0c4a2-checkpoint.tar",
        sizeBytes: 1_873_245_184,
        collectedBy: "responder",
        after: { minutes: 26 },
        verifiedBy: "manager",
      },
    ],
  },
  {
    title: "Terminal shell in payments-api container",
    type: "SHELL_IN_CONTAINER",
    severity: "SEV2",
    status: "TRIAGED",
    summary:
      "Interactive bash opened with `kubectl exec` in a payments-api pod using the CI deployer's credentials from an unknown address, followed by a call to the API server listing Secrets in the payments namespace.",
    firstAlertAgo: { hours: 5, minutes: 12 },
    scenario: shellInPaymentsApi,
    commander: "responder",
    playbook: "shell",
    attackTechniques: ["T1609", "T1613", "T1552.007"],
    attackTactics: ["execution", "discovery", "credential-access"],
    times: { triaged: { minutes: 24 } },
    owners: [
      { contact: "aisha", role: "PRIMARY", inheritedFrom: null },
      { contact: "jonas", role: "SECONDARY", inheritedFrom: null },
    ],
    ownersMessage: "Owners from the plan for prod-eu/payments: primary Aisha Bello, secondary Jonas Becker.",
    timeline: [
      {
        kind: "STATUS_CHANGE",
        after: { minutes: 24 },
        actor: "responder",
        statusChange: { from: "OPEN", to: "TRIAGED" },
        message: "SEV2: unexplained interactive shell in a PCI DSS namespace, followed by a Secrets listing. No change ticket covers it.",
      },
      { kind: "ASSIGNMENT", after: { minutes: 24 }, actor: "responder", message: "Marco Reyes took command." },
      {
        kind: "NOTE",
        after: { minutes: 38 },
        actor: "responder",
        message:
          "EKS audit log: `pods/exec` on payments-api-7d9f8b6c5d-x2kqp by the `gitlab-deployer` IAM role from 198.51.100.77 (kubectl/v1.31.2). That address is not one of our CI runners. The Secrets list call returned 403: the pod's service account cannot list Secrets.",
      },
      {
        kind: "EVIDENCE",
        after: { minutes: 44 },
        actor: "responder",
        message: "Pod manifest and container logs registered; pod labelled for quarantine.",
      },
      {
        kind: "NOTE",
        after: { minutes: 55 },
        actor: "manager",
        message:
          "Aisha confirms nobody in Payments used the deployer role by hand. Jonas is rotating the gitlab-deployer access key; pipeline deploys paused until then.",
      },
    ],
    evidence: [
      {
        kind: "MANIFEST",
        description: "Pod manifest of payments-api-7d9f8b6c5d-x2kqp",
        file: "payments-api-7d9f8b6c5d-x2kqp-pod.yaml",
        sizeBytes: 9_671,
        collectedBy: "responder",
        after: { minutes: 41 },
      },
      {
        kind: "LOGS",
        description: "payments-api container logs, current and --previous (no previous: container had not restarted)",
        file: "payments-api-7d9f8b6c5d-x2kqp-logs.txt",
        sizeBytes: 734_102,
        collectedBy: "responder",
        after: { minutes: 43 },
      },
    ],
  },
];
