import { shellInPaymentsApi } from "./incident-alerts";
import type { IncidentSeed } from "./incident-format";

export const SHELL_IN_PAYMENTS: IncidentSeed = {
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
};
