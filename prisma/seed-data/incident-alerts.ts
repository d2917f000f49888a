import { digestOf, later } from "./clock";
import { PROCESS_PAIRS, type ContainerContext, type FalcoEventSpec } from "./falco-event";

// The runtime events behind the three demo incidents, written after Falco's own rules
// (names, output templates and tags as in falco_rules.yaml and the sandbox/incubating files).

export type AlertScenario = { ctx: ContainerContext; events: FalcoEventSpec[] };

/**
 * Falco's nanosecond integer for a past instant. Trailing zeros keep it within a double's 17
 * significant digits, so JSON carries it unchanged.
 */
function epochNanos(at: Date, fraction: number): number {
  return Math.floor(at.getTime() / 1000) * 1_000_000_000 + fraction;
}

const TERMINAL_SHELL_TAGS = ["maturity_stable", "container", "shell", "mitre_execution", "T1059"];

/** kubectl exec into payments-api with CI credentials, then a call to the API server. */
export function shellInPaymentsApi(t0: Date): AlertScenario {
  const ctx: ContainerContext = {
    cluster: "prod-eu",
    namespace: "payments",
    pod: "payments-api-7d9f8b6c5d-x2kqp",
    workload: "payments-api",
    containerId: "4f1c2a9be803",
    containerName: "payments-api",
    imageRepository: "registry.example.com/payments/payments-api",
    imageTag: "2.14.3",
    imageDigest: digestOf("registry.example.com/payments/payments-api:2.14.3"),
    node: "ip-10-42-17-88.eu-west-1.compute.internal",
  };
  const user = { "user.name": "app", "user.uid": 10001, "user.loginuid": -1 };
  return {
    ctx,
    events: [
      {
        at: t0,
        nanos: 481_377_042,
        rule: "Terminal shell in container",
        priority: "NOTICE",
        message: "A shell was spawned in a container with an attached terminal",
        outputPairs: [...PROCESS_PAIRS, ["exe_flags", "evt.arg.flags"]],
        fields: {
          "evt.type": "execve",
          ...user,
          "proc.name": "bash",
          "proc.exepath": "/bin/bash",
          "proc.pname": "runc",
          "proc.cmdline": "bash",
          "proc.tty": 34816,
          "evt.arg.flags": "EXE_LOWER_LAYER",
        },
        tags: TERMINAL_SHELL_TAGS,
      },
      {
        at: later(t0, { minutes: 3, seconds: 12 }),
        nanos: 90_512_338,
        rule: "Contact K8S API Server From Container",
        priority: "NOTICE",
        message: "Unexpected connection to K8s API Server from container",
        outputPairs: [
          ["connection", "fd.name"],
          ["lport", "fd.lport"],
          ["rport", "fd.rport"],
          ["fd_type", "fd.type"],
          ["fd_proto", "fd.l4proto"],
          ...PROCESS_PAIRS,
        ],
        fields: {
          "fd.name": "10.42.17.203:51944->172.20.0.1:443",
          "fd.lport": 51944,
          "fd.rport": 443,
          "fd.type": "ipv4",
          "fd.l4proto": "tcp",
          "evt.type": "connect",
          ...user,
          "proc.name": "curl",
          "proc.exepath": "/usr/bin/curl",
          "proc.pname": "bash",
          "proc.cmdline": "curl -sk -H @/tmp/.h https://kubernetes.default.svc/api/v1/namespaces/payments/secrets",
          "proc.tty": 34816,
        },
        tags: ["maturity_stable", "container", "network", "k8s", "mitre_discovery", "T1565"],
        fdNameIs: "connection",
      },
    ],
  };
}

// Made up, shaped like a Monero address; not anyone's wallet.
const WALLET = "4AqZt8cVh3pXnR2mLwK9sF6bYdE1uJ7gT5oH2iN8vC3xQ9rM4kB6zW1yP7fD3jS5aG8eU2tL6nV9hX4cR1mK7bQ2wZ5sE";
const MINER_CMDLINE = `kworker -o stratum+tcp://203.0.113.47:3333 -u ${WALLET} -p x --donate-level=0 --cpu-max-threads-hint=90 -B`;

/** A miner dropped into an Airflow worker through an exposed webserver. */
export function minerInAirflowWorker(t0: Date): AlertScenario {
  const ctx: ContainerContext = {
    cluster: "prod-eu",
    namespace: "data-pipeline",
    pod: "airflow-worker-2",
    workload: "airflow-worker",
    containerId: "9b3e71d0c4a2",
    containerName: "worker",
    imageRepository: "registry.example.com/data/airflow",
    imageTag: "2.10.4-python3.11",
    imageDigest: digestOf("registry.example.com/data/airflow:2.10.4-python3.11"),
    node: "ip-10-42-33-140.eu-west-1.compute.internal",
  };
  // The official Airflow image runs as uid 50000.
  const process = {
    "evt.type": "execve",
    "user.name": "airflow",
    "user.uid": 50000,
    "user.loginuid": -1,
    "proc.name": "kworker",
    "proc.exepath": "/tmp/.ICE-unix/kworker",
    "proc.pname": "sh",
    "proc.cmdline": MINER_CMDLINE,
    "proc.tty": 0,
  };
  const dropped = later(t0, { seconds: -14 });
  return {
    ctx,
    events: [
      {
        at: t0,
        nanos: 702_113_905,
        rule: "Drop and execute new binary in container",
        priority: "CRITICAL",
        message: "Executing binary not part of base image",
        outputPairs: [
          ["proc_exe", "proc.exe"],
          ["proc_sname", "proc.sname"],
          ["gparent", "proc.aname[2]"],
          ["proc_exe_ino_ctime", "proc.exe_ino.ctime"],
          ["proc_exe_ino_mtime", "proc.exe_ino.mtime"],
          ["proc_exe_ino_ctime_duration_proc_start", "proc.exe_ino.ctime_duration_proc_start"],
          ["proc_cwd", "proc.cwd"],
          ["container_start_ts", "container.start_ts"],
          ...PROCESS_PAIRS,
          ["exe_flags", "evt.arg.flags"],
        ],
        fields: {
          "proc.exe": "/tmp/.ICE-unix/kworker",
          "proc.sname": "airflow",
          "proc.aname[2]": "bash",
          "proc.exe_ino.ctime": epochNanos(dropped, 318_270_000),
          "proc.exe_ino.mtime": epochNanos(dropped, 318_270_000),
          "proc.exe_ino.ctime_duration_proc_start": 14_000_000_000,
          "proc.cwd": "/opt/airflow/",
          "container.start_ts": epochNanos(later(t0, { days: -6, hours: -3 }), 271_900_000),
          ...process,
          "evt.arg.flags": "EXE_WRITABLE|EXE_UPPER_LAYER",
        },
        tags: ["maturity_stable", "container", "process", "mitre_persistence", "TA0003", "PCI_DSS_11.5.1"],
      },
      {
        // The same execve also matches the Stratum rule.
        at: t0,
        nanos: 702_113_905,
        rule: "Detect crypto miners using the Stratum protocol",
        priority: "CRITICAL",
        message: "Possible miner running",
        outputPairs: [...PROCESS_PAIRS, ["exe_flags", "evt.arg.flags"]],
        fields: { ...process, "evt.arg.flags": "EXE_WRITABLE|EXE_UPPER_LAYER" },
        tags: ["maturity_sandbox", "host", "container", "process", "mitre_impact", "T1496"],
      },
      {
        at: later(t0, { seconds: 2 }),
        nanos: 15_940_271,
        rule: "Detect outbound connections to common miner pool ports",
        priority: "CRITICAL",
        message: "Outbound connection to IP/Port flagged by https://cryptoioc.ch",
        outputPairs: [
          ["ip", "fd.rip"],
          ["connection", "fd.name"],
          ["lport", "fd.lport"],
          ["rport", "fd.rport"],
          ["fd_type", "fd.type"],
          ["fd_proto", "fd.l4proto"],
          ...PROCESS_PAIRS,
        ],
        fields: {
          "fd.rip": "203.0.113.47",
          "fd.name": "10.42.33.57:40218->203.0.113.47:3333",
          "fd.lport": 40218,
          "fd.rport": 3333,
          "fd.type": "ipv4",
          "fd.l4proto": "tcp",
          ...process,
          "evt.type": "connect",
        },
        tags: ["maturity_sandbox", "host", "container", "network", "mitre_impact", "T1496"],
        fdNameIs: "connection",
      },
    ],
  };
}

/** `kubectl debug --profile=sysadmin` on checkout-web, then the node's disk mounted and opened. */
export function privilegedDebugOnCheckout(t0: Date): AlertScenario {
  const ctx: ContainerContext = {
    cluster: "prod-eu",
    namespace: "checkout",
    pod: "checkout-web-5c8d7f9b64-qm7zr",
    workload: "checkout-web",
    containerId: "c07d5e2a91f6",
    containerName: "debugger-7xk2p",
    imageRepository: "docker.io/nicolaka/netshoot",
    imageTag: "v0.13",
    imageDigest: digestOf("docker.io/nicolaka/netshoot:v0.13"),
    node: "ip-10-42-9-21.eu-west-1.compute.internal",
  };
  const root = { "evt.type": "execve", "user.name": "root", "user.uid": 0, "user.loginuid": -1, "proc.pname": "bash", "proc.tty": 34816 };
  return {
    ctx,
    events: [
      {
        at: t0,
        nanos: 330_871_114,
        rule: "Mount Launched in Privileged Container",
        priority: "WARNING",
        message: "Mount was executed inside a privileged container",
        outputPairs: [...PROCESS_PAIRS, ["exe_flags", "evt.arg.flags"]],
        fields: {
          ...root,
          "proc.name": "mount",
          "proc.exepath": "/bin/mount",
          "proc.cmdline": "mount /dev/nvme0n1p1 /mnt/host",
          "evt.arg.flags": "EXE_LOWER_LAYER",
        },
        tags: ["maturity_incubating", "container", "cis", "filesystem", "mitre_privilege_escalation", "T1611"],
      },
      {
        at: later(t0, { minutes: 2, seconds: 41 }),
        nanos: 877_004_529,
        rule: "Debugfs Launched in Privileged Container",
        priority: "WARNING",
        message: "Debugfs launched started in a privileged container",
        outputPairs: [...PROCESS_PAIRS, ["exe_flags", "evt.arg.flags"]],
        fields: {
          ...root,
          "proc.name": "debugfs",
          "proc.exepath": "/sbin/debugfs",
          "proc.cmdline": "debugfs -R stat /var/lib/containerd /dev/nvme0n1p1",
          "evt.arg.flags": "EXE_LOWER_LAYER",
        },
        tags: ["maturity_stable", "container", "cis", "process", "mitre_privilege_escalation", "T1611"],
      },
    ],
  };
}
