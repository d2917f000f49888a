import { describe, expect, it } from "vitest";
import { FALCO_PRIORITIES } from "@/lib/domain/falco/priority-names";
import {
  attackFromTags,
  incidentTitle,
  incidentTypeFor,
  priorityAtLeast,
  severityForPriority,
  worseSeverity,
} from "@/lib/domain/falco/classify";
import type { IncidentType } from "@/lib/generated/prisma/enums";

describe("severityForPriority", () => {
  it.each([
    ["EMERGENCY", "SEV1"],
    ["ALERT", "SEV1"],
    ["CRITICAL", "SEV1"],
    ["ERROR", "SEV2"],
    ["WARNING", "SEV3"],
    ["NOTICE", "SEV4"],
    ["INFORMATIONAL", "SEV4"],
    ["DEBUG", "SEV4"],
  ] as const)("%s → %s", (priority, severity) => expect(severityForPriority(priority)).toBe(severity));

  it("maps every Falco priority", () => {
    for (const p of FALCO_PRIORITIES) expect(severityForPriority(p)).toMatch(/^SEV[1-4]$/);
  });
});

describe("priorityAtLeast and worseSeverity", () => {
  it.each([
    ["CRITICAL", "WARNING", true],
    ["WARNING", "WARNING", true],
    ["NOTICE", "WARNING", false],
    ["DEBUG", "DEBUG", true],
    ["EMERGENCY", "DEBUG", true],
    ["INFORMATIONAL", "NOTICE", false],
  ] as const)("%s at or above %s: %s", (p, threshold, expected) => expect(priorityAtLeast(p, threshold)).toBe(expected));

  it("keeps the worse severity", () => {
    expect(worseSeverity("SEV3", "SEV1")).toBe("SEV1");
    expect(worseSeverity("SEV2", "SEV4")).toBe("SEV2");
    expect(worseSeverity("SEV4", "SEV4")).toBe("SEV4");
  });
});

describe("attackFromTags", () => {
  it.each([
    ["a container technique", ["T1611"], ["T1611"], []],
    ["an unknown sub-technique keeps its known parent", ["T1611.001"], ["T1611"], []],
    ["a known sub-technique stays itself", ["T1552.001"], ["T1552.001"], []],
    ["lowercase ids", ["t1496"], ["T1496"], []],
    ["a technique outside ATT&CK for Containers stays a raw tag", ["T1059", "T1059.004"], [], ["T1059", "T1059.004"]],
    ["duplicates once", ["T1611", "T1611"], ["T1611"], []],
  ])("%s", (_name, tags, techniques, other) => {
    const mapping = attackFromTags(tags);
    expect(mapping.techniques).toEqual(techniques);
    expect(mapping.otherTags).toEqual(other);
  });

  it("reads mitre_* and TA#### as tactics in matrix order", () => {
    expect(attackFromTags(["mitre_privilege_escalation", "mitre_execution", "TA0003"]).tactics).toEqual([
      "execution",
      "persistence",
      "privilege-escalation",
    ]);
    expect(attackFromTags(["mitre_command_and_control"]).tactics).toEqual(["command-and-control"]);
  });

  it("keeps everything else as raw tags", () => {
    expect(attackFromTags(["maturity_stable", "container", "mitre_unknown", "TA9999", "NIST_800-53_AU-10"])).toEqual({
      techniques: [],
      tactics: [],
      otherTags: ["maturity_stable", "container", "mitre_unknown", "TA9999", "NIST_800-53_AU-10"],
    });
  });
});

// Falco's own rule names and tags (falcosecurity/rules falco_rules.yaml, falco-incubating_rules.yaml,
// falco-sandbox_rules.yaml; the k8saudit plugin's rules), as facts.
const REAL_RULES: [rule: string, tags: string[], type: IncidentType][] = [
  ["Terminal shell in container", ["maturity_stable", "container", "shell", "mitre_execution", "T1059"], "SHELL_IN_CONTAINER"],
  [
    "Run shell untrusted",
    ["maturity_stable", "host", "container", "process", "shell", "mitre_execution", "T1059.004"],
    "SHELL_IN_CONTAINER",
  ],
  [
    "Redirect STDOUT/STDIN to Network Connection in Container",
    ["maturity_stable", "container", "network", "process", "mitre_execution", "T1059"],
    "SHELL_IN_CONTAINER",
  ],
  [
    "Netcat Remote Code Execution in Container",
    ["maturity_stable", "container", "network", "process", "mitre_execution", "T1059"],
    "SHELL_IN_CONTAINER",
  ],
  [
    "Reverse Shell from Web Server",
    ["maturity_sandbox", "host", "container", "process", "network", "mitre_execution", "T1059"],
    "SHELL_IN_CONTAINER",
  ],
  ["Attach/Exec Pod", ["k8s"], "SHELL_IN_CONTAINER"],
  [
    "Detect outbound connections to common miner pool ports",
    ["maturity_sandbox", "host", "container", "network", "mitre_impact", "T1496"],
    "CRYPTOMINING",
  ],
  [
    "Detect crypto miners using the Stratum protocol",
    ["maturity_sandbox", "host", "container", "process", "mitre_impact", "T1496"],
    "CRYPTOMINING",
  ],
  ["Known Cryptominer Process Executed", ["maturity_sandbox", "host", "container", "process", "mitre_impact", "T1496"], "CRYPTOMINING"],
  [
    "Detect release_agent File Container Escapes",
    ["maturity_stable", "container", "process", "mitre_privilege_escalation", "T1611"],
    "CONTAINER_ESCAPE",
  ],
  [
    "Debugfs Launched in Privileged Container",
    ["maturity_stable", "container", "cis", "process", "mitre_privilege_escalation", "T1611"],
    "CONTAINER_ESCAPE",
  ],
  [
    "Mount Launched in Privileged Container",
    ["maturity_incubating", "container", "cis", "filesystem", "mitre_privilege_escalation", "T1611"],
    "CONTAINER_ESCAPE",
  ],
  [
    "Launch Privileged Container",
    ["maturity_incubating", "container", "cis", "mitre_execution", "T1610", "PCI_DSS_10.2.5"],
    "CONTAINER_ESCAPE",
  ],
  [
    "Change thread namespace",
    ["maturity_incubating", "host", "container", "process", "mitre_privilege_escalation", "T1611"],
    "CONTAINER_ESCAPE",
  ],
  [
    "Container Access to Host Sensitive Paths",
    ["maturity_sandbox", "container", "filesystem", "mitre_privilege_escalation", "T1611"],
    "CONTAINER_ESCAPE",
  ],
  [
    "Sudo Potential Privilege Escalation",
    ["maturity_sandbox", "host", "container", "filesystem", "users", "mitre_privilege_escalation", "T1548.003"],
    "CONTAINER_ESCAPE",
  ],
  ["Launch Disallowed Container", ["maturity_sandbox", "container", "mitre_lateral_movement", "T1610"], "MALICIOUS_IMAGE"],
  [
    "Read sensitive file untrusted",
    ["maturity_stable", "host", "container", "filesystem", "mitre_credential_access", "T1555"],
    "CREDENTIAL_ACCESS",
  ],
  [
    "Read sensitive file trusted after startup",
    ["maturity_stable", "host", "container", "filesystem", "mitre_credential_access", "T1555"],
    "CREDENTIAL_ACCESS",
  ],
  [
    "Search Private Keys or Passwords",
    ["maturity_stable", "host", "container", "process", "filesystem", "mitre_credential_access", "T1552.001"],
    "CREDENTIAL_ACCESS",
  ],
  [
    "Find AWS Credentials",
    ["maturity_stable", "host", "container", "process", "aws", "mitre_credential_access", "T1552"],
    "CREDENTIAL_ACCESS",
  ],
  [
    "Contact EC2 Instance Metadata Service From Container",
    ["maturity_incubating", "network", "aws", "container", "mitre_credential_access", "T1552.005"],
    "CREDENTIAL_ACCESS",
  ],
  [
    "Directory traversal monitored file read",
    ["maturity_stable", "host", "container", "filesystem", "mitre_credential_access", "T1555"],
    "CREDENTIAL_ACCESS",
  ],
  [
    "Drop and execute new binary in container",
    ["maturity_stable", "container", "process", "mitre_persistence", "TA0003", "PCI_DSS_11.5.1"],
    "MALWARE",
  ],
  ["Fileless execution via memfd_create", ["maturity_stable", "host", "container", "process", "mitre_defense_evasion", "T1620"], "MALWARE"],
  [
    "Container Drift Detected (open+create)",
    ["maturity_sandbox", "container", "process", "filesystem", "mitre_execution", "T1059"],
    "MALWARE",
  ],
  ["Execution from /dev/shm", ["maturity_stable", "host", "container", "mitre_execution", "T1059.004"], "MALWARE"],
  ["Remove Bulk Data from Disk", ["maturity_stable", "host", "container", "process", "filesystem", "mitre_impact", "T1485"], "RANSOMWARE"],
  [
    "Exfiltrating Artifacts via Kubernetes Control Plane",
    ["maturity_incubating", "container", "filesystem", "mitre_exfiltration", "TA0010"],
    "DATA_EXFILTRATION",
  ],
  [
    "Launch Remote File Copy Tools in Container",
    ["maturity_incubating", "container", "network", "process", "mitre_exfiltration", "T1020"],
    "DATA_EXFILTRATION",
  ],
  ["Unexpected UDP Traffic", ["maturity_incubating", "host", "container", "network", "mitre_exfiltration", "TA0011"], "DATA_EXFILTRATION"],
  ["Contact K8S API Server From Container", ["maturity_stable", "container", "network", "k8s", "mitre_discovery", "T1565"], "DISCOVERY"],
  [
    "Launch Suspicious Network Tool in Container",
    ["maturity_incubating", "container", "network", "process", "mitre_execution", "T1059"],
    "DISCOVERY",
  ],
  [
    "Network Connection outside Local Subnet",
    ["maturity_incubating", "container", "network", "mitre_discovery", "T1046", "PCI_DSS_6.4.2"],
    "DISCOVERY",
  ],
  ["Basic Interactive Reconnaissance", ["maturity_sandbox", "host", "container", "process", "mitre_reconnaissance", "TA0043"], "DISCOVERY"],
  ["Schedule Cron Jobs", ["maturity_incubating", "host", "container", "filesystem", "mitre_execution", "T1053.003"], "PERSISTENCE"],
  ["Adding ssh keys to authorized_keys", ["maturity_incubating", "host", "filesystem", "mitre_persistence", "T1098.004"], "PERSISTENCE"],
  ["Write below binary dir", ["maturity_sandbox", "host", "container", "filesystem", "mitre_persistence", "T1543"], "PERSISTENCE"],
  ["Write below etc", ["maturity_sandbox", "host", "container", "filesystem", "mitre_persistence", "T1098"], "PERSISTENCE"],
  [
    "Modify Shell Configuration File",
    ["maturity_incubating", "host", "container", "filesystem", "mitre_persistence", "T1546.004"],
    "PERSISTENCE",
  ],
  ["Update Package Repository", ["maturity_sandbox", "host", "container", "filesystem", "mitre_execution", "T1072"], "PERSISTENCE"],
  ["K8s Serviceaccount Created", ["k8s"], "PERSISTENCE"],
  ["Disallowed K8s User", ["k8s"], "OTHER"],
  ["Falco internal: metrics snapshot", [], "OTHER"],
  ["Test rule", ["test", "example"], "OTHER"],
];

describe("incidentTypeFor (Falco's real rule names)", () => {
  it.each(REAL_RULES)("%s → %s", (rule, tags, type) => expect(incidentTypeFor(rule, tags)).toBe(type));

  it("uses the tags when the name says nothing", () => {
    expect(incidentTypeFor("Custom rule", ["T1611.001"])).toBe("CONTAINER_ESCAPE");
    expect(incidentTypeFor("Custom rule", ["mitre_credential_access"])).toBe("CREDENTIAL_ACCESS");
    expect(incidentTypeFor("Custom rule", ["T1496.001"])).toBe("CRYPTOMINING");
    expect(incidentTypeFor("Custom rule", ["T1059"])).toBe("SHELL_IN_CONTAINER");
    expect(incidentTypeFor("Custom rule", ["container"])).toBe("OTHER");
  });
});

describe("incidentTitle", () => {
  it("titles an incident after its first rule and where it happened", () => {
    expect(incidentTitle("Terminal shell in container", { cluster: "prod-eu", namespace: "payments", workload: "payments-api" })).toBe(
      "Terminal shell in container — payments-api in prod-eu/payments",
    );
    expect(incidentTitle("Write below binary dir", { cluster: "prod-eu", namespace: null, workload: null, node: "worker-3" })).toBe(
      "Write below binary dir — node worker-3 in prod-eu",
    );
    expect(incidentTitle("Fake rule", { cluster: null, namespace: null, workload: null })).toBe("Fake rule");
  });
});
