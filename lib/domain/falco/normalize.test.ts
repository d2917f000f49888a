import { describe, expect, it } from "vitest";
import { normalizeFalcoEvent, type NormalizedEvent } from "@/lib/domain/falco/normalize";
import { hostEvent, kubeAuditExecEvent, metricsSnapshot, minerEvent, nullFieldsEvent, shellEvent } from "@/tests/support/falco-events";

function normalized(value: unknown, defaultCluster: string | null = "prod-eu"): NormalizedEvent {
  const result = normalizeFalcoEvent(value, { defaultCluster });
  if (!result.ok) throw new Error(result.error);
  return result.event;
}

function rejection(value: unknown): string {
  const result = normalizeFalcoEvent(value, { defaultCluster: "prod-eu" });
  if (result.ok) throw new Error("expected a rejection");
  return result.error;
}

describe("normalizeFalcoEvent: container and Kubernetes context", () => {
  it("maps a Falco ≥0.35 event to the Alert columns", () => {
    const { alert, timeNanos, security, hostEvent: onHost, truncated } = normalized(shellEvent());
    expect(alert).toMatchObject({
      eventTime: new Date("2024-03-02T09:12:44.120Z"),
      rule: "Terminal shell in container",
      priority: "NOTICE",
      eventSource: "syscall",
      tags: ["container", "maturity_stable", "mitre_execution", "shell", "T1059"],
      hostname: "ip-10-0-3-17.eu-west-1.compute.internal",
      cluster: "prod-eu",
      namespace: "shop",
      podName: "checkout-6b8d9c7f4d-t7v2m",
      workload: "checkout",
      containerId: "3a9c0d41be77",
      containerName: "checkout",
      imageRepository: "registry.example.org/shop/checkout",
      imageTag: "1.8.2",
      imageDigest: null,
      nodeName: "ip-10-0-3-17.eu-west-1.compute.internal",
      processName: "bash",
      processCmdline: "bash",
      parentProcess: "runc",
      userName: "root",
      fileName: null,
      connection: null,
    });
    expect(timeNanos).toBe("1709370764120004711");
    expect([security, onHost, truncated]).toEqual([true, false, []]);
  });

  it("keeps the raw event exactly as parsed", () => {
    const event = shellEvent({ uuid: "0b1e…" });
    expect(normalized(event).alert.raw).toBe(event);
  });

  it("drops null and <NA> fields instead of storing them", () => {
    const { alert, fields } = normalized(nullFieldsEvent());
    expect(fields).not.toHaveProperty("container.image.repository");
    expect(fields).not.toHaveProperty("proc.pname");
    expect([alert.imageRepository, alert.parentProcess, alert.eventSource, alert.hostname, alert.nodeName]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect([alert.namespace, alert.podName, alert.workload, alert.containerId]).toEqual(["default", "debug", "debug", "77e1f0c2aa10"]);
    expect(alert.tags).toEqual([]);
  });

  it("treats container.id host as a host event with no container", () => {
    const event = normalized(hostEvent());
    expect(event.hostEvent).toBe(true);
    expect(event.alert).toMatchObject({
      containerId: null,
      namespace: null,
      podName: null,
      workload: null,
      nodeName: "worker-3",
      fileName: "/usr/bin/x",
      priority: "ERROR",
    });
    expect(event.fields).not.toHaveProperty("k8s.ns.name");
  });

  it("reads Kubernetes audit events' ka.* fields, not the Falco pod's hostname, as context", () => {
    const { alert, fields } = normalized(kubeAuditExecEvent());
    expect(alert).toMatchObject({
      eventSource: "k8s_audit",
      namespace: "billing",
      podName: "api-0",
      workload: "api",
      userName: "alice",
      nodeName: null,
      containerId: null,
    });
    expect(fields["ka.uri.param[command]"]).toBe("bash");
  });

  it("finds an audit event's namespace in its API path when ka.target.namespace is absent", () => {
    const event = kubeAuditExecEvent();
    event.output_fields = { "ka.uri": "/api/v1/namespaces/kube-system/events/x.1", "ka.target.resource": "events", "ka.user.name": "bob" };
    expect(normalized(event).alert).toMatchObject({ namespace: "kube-system", podName: null, workload: null });
  });

  it("shortens 64-character container ids, reads image digests and connections, and normalises syscalls", () => {
    const { alert } = normalized(minerEvent());
    expect(alert).toMatchObject({
      containerId: "9f0e3b2a7c11",
      imageRepository: "docker.io/library/nginx",
      imageTag: "1.25",
      imageDigest: expect.stringMatching(/^sha256:0d7c/),
      connection: "10.1.2.3:40112->203.0.113.9:3333",
      fileName: null,
      eventSource: "syscall",
      priority: "CRITICAL",
      workload: "frontend",
    });
  });

  it("takes the image from the output's image= when output_fields lack it", () => {
    const event = shellEvent();
    event.output_fields = { "k8s.ns.name": "shop", "k8s.pod.name": "checkout-0" };
    event.output = "Notice x (container_id=3a9c0d41be77 image=registry.local:5000/team/app:2.0@sha256:abc)";
    expect(normalized(event).alert).toMatchObject({
      imageRepository: "registry.local:5000/team/app",
      imageTag: "2.0",
      imageDigest: "sha256:abc",
      containerId: "3a9c0d41be77",
      workload: "checkout",
    });
  });

  it("derives the workload from owner fields before the pod name", () => {
    const event = shellEvent();
    (event.output_fields as Record<string, unknown>)["k8s.deployment.name"] = "checkout-v2";
    expect(normalized(event).alert.workload).toBe("checkout-v2");
  });

  it("merges falcosidekick custom fields and takes the cluster from them", () => {
    const inFields = shellEvent();
    (inFields.output_fields as Record<string, unknown>).cluster = "prod-us";
    expect(normalized(inFields).alert.cluster).toBe("prod-us");

    const topLevel = shellEvent({ "k8s.cluster.name": "staging", environment: "staging" });
    const { alert, fields } = normalized(topLevel);
    expect(alert.cluster).toBe("staging");
    expect(fields).toMatchObject({ "k8s.cluster.name": "staging", environment: "staging" });
    expect(normalized(shellEvent(), null).alert.cluster).toBeNull();
  });

  it("keeps truncated strings and flags where Falco cut them", () => {
    const event = shellEvent();
    (event.output_fields as Record<string, unknown>)["proc.cmdline"] = "python -c import socket,subprocess,os;s=socket.socket([...]";
    const result = normalized(event);
    expect(result.alert.processCmdline).toMatch(/\[\.\.\.\]$/);
    expect(result.truncated).toEqual(["proc.cmdline"]);
  });

  it("falls back to evt.time when time is absent", () => {
    const event = shellEvent({ time: undefined });
    const result = normalized(event);
    expect(result.alert.eventTime.toISOString()).toBe("2024-03-02T09:12:44.120Z");
    expect(result.timeNanos).toMatch(/^17093707641200\d{5}$/);
  });

  it("accepts the metrics snapshot as a non-security event", () => {
    const event = normalized(metricsSnapshot());
    expect(event.security).toBe(false);
    expect(event.alert).toMatchObject({ rule: "Falco internal: metrics snapshot", priority: "INFORMATIONAL", eventSource: "internal" });
    const bare = normalized({ output: "Falco metrics snapshot", time: "2024-09-10T20:26:40Z", output_fields: {} });
    expect([bare.alert.rule, bare.alert.priority, bare.security]).toEqual(["Falco metrics snapshot", "INFORMATIONAL", false]);
  });
});

describe("normalizeFalcoEvent: per-event errors", () => {
  const cases: [string, unknown, RegExp][] = [
    ["not an object", 7, /an event must be a JSON object, not number/],
    ["an array", [shellEvent()], /not an array/],
    ["null", null, /not null/],
    ["no output", shellEvent({ output: undefined }), /output is missing/],
    ["output a number", shellEvent({ output: 5 }), /output must be a string, not number/],
    ["no rule", shellEvent({ rule: undefined }), /rule is missing/],
    ["rule an object", shellEvent({ rule: { name: "x" } }), /rule must be a string, not object/],
    ["no priority", shellEvent({ priority: undefined }), /priority is missing/],
    ["unknown priority", shellEvent({ priority: "Severe" }), /priority "Severe" is not a Falco priority/],
    ["priority a number", shellEvent({ priority: 4 }), /priority must be a string/],
    [
      "odd time",
      shellEvent({ time: "2021-04-13T20:58:00.746609046Z+2" }),
      /^time is not valid RFC 3339: "2021-04-13T20:58:00.746609046Z\+2"$/,
    ],
    ["time a number", shellEvent({ time: 1618347519 }), /time must be an RFC 3339 string, not number/],
    ["no time at all", shellEvent({ time: undefined, output_fields: {} }), /time is missing/],
    ["output_fields an array", shellEvent({ output_fields: [] }), /output_fields must be an object, not an array/],
    ["tags a string", shellEvent({ tags: "shell" }), /tags must be an array of strings/],
    ["tags with a number", shellEvent({ tags: ["shell", 3] }), /tags must be an array of strings/],
    ["source a number", shellEvent({ source: 1 }), /source must be a string/],
    ["hostname an array", shellEvent({ hostname: ["a"] }), /hostname must be a string/],
  ];
  it.each(cases)("%s", (_name, value, message) => expect(rejection(value)).toMatch(message));
});

describe("hostile field lengths", () => {
  it("caps the columns, keeps the raw event whole, and a cut name never passes for a real one", () => {
    const long = "a".repeat(10_000);
    const event = shellEvent();
    const fields = event.output_fields as Record<string, unknown>;
    Object.assign(fields, {
      "k8s.ns.name": long,
      "k8s.pod.name": long,
      "container.name": long,
      "fd.name": `/${long}`,
      "proc.cmdline": long,
      "k8s.node.name": long,
    });
    const started = performance.now();
    const { alert } = normalized({ ...event, rule: long, output: `${long} image=${long}` });
    expect(performance.now() - started).toBeLessThan(200);
    expect(alert.namespace).toHaveLength(128);
    expect(alert.namespace!.endsWith("…")).toBe(true);
    expect(alert.podName).toHaveLength(253);
    expect(alert.podName!.endsWith("…")).toBe(true);
    expect(alert.containerName).toHaveLength(253);
    expect(alert.nodeName).toHaveLength(253);
    expect(alert.rule).toHaveLength(512);
    expect(alert.output).toHaveLength(16_384);
    expect(alert.fileName).toHaveLength(4096);
    expect(alert.processCmdline).toHaveLength(4096);
    expect((alert.raw.output_fields as Record<string, unknown>)["k8s.ns.name"]).toBe(long);
    expect(alert.raw.rule).toBe(long);
  });

  it("reads a 640 kB fd.name without stalling", () => {
    const event = shellEvent();
    (event.output_fields as Record<string, unknown>)["fd.name"] = `${"10.0.0.1:443".repeat(53_000)}->x`;
    const started = performance.now();
    expect(normalized(event).alert.connection).toBeNull();
    expect(performance.now() - started).toBeLessThan(200);
  });
});
