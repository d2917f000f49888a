import { privilegedDebugOnCheckout } from "./incident-alerts";
import type { IncidentSeed } from "./incident-format";

export const DEBUG_ON_CHECKOUT: IncidentSeed = {
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
};
