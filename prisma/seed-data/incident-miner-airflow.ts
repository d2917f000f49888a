import { minerInAirflowWorker } from "./incident-alerts";
import type { IncidentSeed } from "./incident-format";

export const MINER_IN_AIRFLOW: IncidentSeed = {
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
};
