import type { IncidentType } from "@/lib/generated/prisma/enums";

/**
 * The scenario library (issue 12): container scenarios a manager starts an exercise from. The
 * exercise keeps its own copy of the title and description, which the manager edits freely; the
 * title is what a purple team's prerequisite is matched on. Techniques are ATT&CK for Containers.
 */
export type ExerciseScenario = {
  key: string;
  title: string;
  description: string;
  incidentType: IncidentType;
  attackTechniques: readonly string[];
};

export const SCENARIO_LIBRARY: readonly ExerciseScenario[] = [
  {
    key: "cryptominer-production",
    title: "Cryptominer in a production namespace",
    description:
      "Falco reports a miner binary and connections to a mining pool from a pod in a production namespace, reached through an exposed web application. Who may isolate the namespace, what is preserved first, how the entry point is closed.",
    incidentType: "CRYPTOMINING",
    attackTechniques: ["T1190", "T1496.001", "T1610"],
  },
  {
    key: "compromised-image-digest",
    title: "Compromised image pulled by digest",
    description:
      "A base image in the registry turns out to carry a backdoor; workloads pinned it by digest, so every cluster that pulled it runs it. Finding every running copy, rebuilding, and proving which deployments are clean.",
    incidentType: "MALICIOUS_IMAGE",
    attackTechniques: ["T1525", "T1204.003", "T1610"],
  },
  {
    key: "privileged-pod-escape",
    title: "Container escape through a privileged pod",
    description:
      "A privileged pod with the host filesystem mounted is used to write to the node and reach the kubelet. Containing the node, preserving the container and node state, and finding how the pod was admitted.",
    incidentType: "CONTAINER_ESCAPE",
    attackTechniques: ["T1611", "T1610", "T1609"],
  },
  {
    key: "leaked-service-account-token",
    title: "Leaked service-account token",
    description:
      "A service-account token from a CI namespace appears in a public repository and is used against the API server from outside. Revoking and rotating, reading the audit log for what it did, and narrowing its RBAC.",
    incidentType: "CREDENTIAL_ACCESS",
    attackTechniques: ["T1528", "T1552.007", "T1078"],
  },
  {
    key: "ransomware-persistent-volume",
    title: "Ransomware on a persistent volume",
    description:
      "Files on a database's persistent volume are encrypted from inside a compromised pod. Stopping the writes, restoring from snapshots, deciding whom to tell and when.",
    incidentType: "RANSOMWARE",
    attackTechniques: ["T1485", "T1609", "T1610"],
  },
];

export function scenarioByKey(key: string): ExerciseScenario | undefined {
  return SCENARIO_LIBRARY.find((s) => s.key === key);
}
