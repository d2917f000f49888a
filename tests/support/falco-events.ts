/**
 * Falco events for the project's own tests, written after the real formats (field names and
 * shapes are Falco's and falcosidekick's; the values are invented). The genuine events are checked
 * by `npm run test:conformance`; these keep `npm test` independent of ../shared.
 */

/** Falco ≥0.35 `json_output`: hostname, source, tags, k8s fields; `time` with nanoseconds. */
export function shellEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hostname: "ip-10-0-3-17.eu-west-1.compute.internal",
    output:
      "09:12:44.120004711: Notice A shell was spawned in a container with an attached terminal (user=root user_loginuid=-1 k8s.ns=shop k8s.pod=checkout-6b8d9c7f4d-t7v2m container=3a9c0d41be77 shell=bash parent=runc cmdline=bash terminal=34816 container_id=3a9c0d41be77 image=registry.example.org/shop/checkout)",
    priority: "Notice",
    rule: "Terminal shell in container",
    source: "syscall",
    tags: ["container", "maturity_stable", "mitre_execution", "shell", "T1059"],
    time: "2024-03-02T09:12:44.120004711Z",
    output_fields: {
      "container.id": "3a9c0d41be77",
      "container.image.repository": "registry.example.org/shop/checkout",
      "container.image.tag": "1.8.2",
      "container.name": "checkout",
      "evt.time": 1709370764120004711,
      "k8s.ns.name": "shop",
      "k8s.pod.name": "checkout-6b8d9c7f4d-t7v2m",
      "proc.cmdline": "bash",
      "proc.name": "bash",
      "proc.pname": "runc",
      "proc.tty": 34816,
      "user.loginuid": -1,
      "user.name": "root",
    },
    ...overrides,
  };
}

/** `…:05.120000Z` → `…:05.12Z`, `…:05.000Z` → `…:05Z`: falcosidekick's Go time formatting. */
function withoutTrailingZeros(time: string): string {
  if (!time.endsWith("Z")) return time;
  const dot = time.lastIndexOf(".");
  if (dot < 0 || !/^\d*$/.test(time.slice(dot + 1, -1))) return time;
  let end = time.length - 1;
  while (end > dot + 1 && time[end - 1] === "0") end--;
  return `${time.slice(0, end === dot + 1 ? dot : end)}Z`;
}

/** The same event as falcosidekick forwards it: a fresh uuid, custom fields in output_fields, the time re-encoded. */
export function viaFalcosidekick(event: Record<string, unknown>, uuid: string, custom: Record<string, string>): Record<string, unknown> {
  const fields = event.output_fields as Record<string, unknown>;
  const time = withoutTrailingZeros(String(event.time));
  return {
    uuid,
    output: event.output,
    priority: String(event.priority).toUpperCase() === "NOTICE" ? "Notice" : event.priority,
    rule: event.rule,
    time,
    output_fields: { ...fields, ...custom },
    source: event.source ?? "",
    tags: [...((event.tags as string[] | undefined) ?? [])].sort(),
    hostname: event.hostname ?? "",
  };
}

/** Older Falco: no source, tags or hostname; `null` where Falco had no value. */
export function nullFieldsEvent(): Record<string, unknown> {
  return {
    output:
      "22:01:09.500000123: Notice A shell was spawned in a container with an attached terminal (user=root k8s.ns=default k8s.pod=debug container=77e1f0c2aa10 shell=sh parent=<NA> cmdline=sh terminal=34817 container_id=77e1f0c2aa10 image=<NA>)",
    priority: "Notice",
    rule: "Terminal shell in container",
    time: "2022-11-30T22:01:09.500000123Z",
    output_fields: {
      "container.id": "77e1f0c2aa10",
      "container.image.repository": null,
      "evt.time": 1669845669500000123,
      "k8s.ns.name": "default",
      "k8s.pod.name": "debug",
      "proc.cmdline": "sh",
      "proc.name": "sh",
      "proc.pname": null,
      "user.name": "root",
    },
  };
}

/** A host event: `container.id: "host"`, the k8s fields null. */
export function hostEvent(): Record<string, unknown> {
  return {
    output:
      "04:10:00.000000001: Error File below a known binary directory opened for writing (user=root command=cp /tmp/x /usr/bin/x file=/usr/bin/x container_id=host image=<NA>)",
    priority: "Error",
    rule: "Write below binary dir",
    time: "2020-06-01T04:10:00.000000001Z",
    hostname: "worker-3",
    output_fields: {
      "container.id": "host",
      "container.image.repository": null,
      "fd.name": "/usr/bin/x",
      "k8s.ns.name": "<NA>",
      "k8s.pod.name": null,
      "proc.cmdline": "cp /tmp/x /usr/bin/x",
      "user.name": "root",
    },
  };
}

/** Kubernetes audit (k8saudit plugin): `ka.*` fields, a bracketed key, the hostname is Falco's own pod. */
export function kubeAuditExecEvent(): Record<string, unknown> {
  return {
    hostname: "falco-k8saudit-7f6d9c8b5-qxw2z",
    output: "10:00:01.000000000: Notice Attach/Exec to pod (user=alice pod=api-0 resource=pods ns=billing action=exec command=bash)",
    priority: "Notice",
    rule: "Attach/Exec Pod",
    source: "k8s_audit",
    tags: ["k8s"],
    time: "2024-01-15T10:00:01.000000000Z",
    output_fields: {
      "evt.time": 1705312801000000000,
      "ka.target.name": "api-0",
      "ka.target.namespace": "billing",
      "ka.target.resource": "pods",
      "ka.target.subresource": "exec",
      "ka.uri.param[command]": "bash",
      "ka.user.name": "alice",
    },
  };
}

/** Falco's periodic metrics: an operational event, not a security alert. */
export function metricsSnapshot(): Record<string, unknown> {
  return {
    hostname: "node-a",
    output: "Falco metrics snapshot",
    output_fields: { "evt.source": "syscall", "evt.time": 1726000000000000000, "falco.num_evts": 1200, "falco.version": "0.39.0" },
    priority: "Informational",
    rule: "Falco internal: metrics snapshot",
    source: "internal",
    time: "2024-09-10T20:26:40.000000000Z",
  };
}

/** A cryptominer connecting out, with the full 64-character container id and an image digest. */
export function minerEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hostname: "ip-10-0-9-4",
    output:
      "11:30:00.000000500: Critical Outbound connection to IP/Port flagged by https://cryptoioc.ch (connection=10.1.2.3:40112->203.0.113.9:3333 container=9f0e3b2a7c11)",
    priority: "CRITICAL",
    rule: "Detect outbound connections to common miner pool ports",
    source: "syscalls",
    tags: ["container", "mitre_impact", "network", "T1496"],
    time: "2024-05-05T11:30:00.000000500Z",
    output_fields: {
      "container.id": "9f0e3b2a7c11d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d",
      "container.image.digest": "sha256:0d7c9f1e2b3a4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5",
      "container.image.repository": "docker.io/library/nginx",
      "container.image.tag": "1.25",
      "fd.name": "10.1.2.3:40112->203.0.113.9:3333",
      "k8s.ns.name": "web",
      "k8s.pod.name": "frontend-7c5b8d9f6-k2x4p",
      "proc.name": "xmrig",
      ...((overrides.output_fields as Record<string, unknown>) ?? {}),
    },
    ...Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== "output_fields")),
  };
}
