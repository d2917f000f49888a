import { describe, expect, it } from "vitest";
import {
  containerIdFromOutput,
  deriveWorkload,
  imageFromOutput,
  isConnectionTuple,
  namespaceFromApiPath,
  parseImageReference,
  shortContainerId,
  workloadFromPodName,
} from "@/lib/domain/falco/kubernetes";

describe("workloadFromPodName", () => {
  it.each([
    ["Deployment pod (10-character pod-template-hash)", "payments-api-7d9f8b6c5d-x2kqp", "payments-api"],
    ["Deployment pod (9-character hash)", "frontend-7c5b8d9f6-k2x4p", "frontend"],
    ["Deployment pod (5-character hash)", "web-5d4c8-zq7wx", "web"],
    ["StatefulSet pod", "postgres-0", "postgres"],
    ["StatefulSet pod, two digits", "kafka-broker-12", "kafka-broker"],
    ["DaemonSet pod", "falco-xczjd", "falco"],
    ["CronJob pod", "nightly-report-28471234-bk9tq", "nightly-report"],
    ["bare pod", "alpine", "alpine"],
    ["bare pod with a dash", "debug-shell", "debug-shell"],
    ["an ordinary word is not a random suffix", "nginx-proxy", "nginx-proxy"],
  ])("%s: %s → %s", (_kind, pod, workload) => expect(workloadFromPodName(pod)).toBe(workload));
});

describe("deriveWorkload", () => {
  const reader = (fields: Record<string, string>) => (key: string) => fields[key] ?? null;
  it.each([
    ["deployment field", { "k8s.deployment.name": "api" }, "api-7d9f8b6c5d-x2kqp", "api"],
    ["k8smeta statefulset", { "k8smeta.statefulset.name": "db" }, "db-3", "db"],
    ["replicaset field loses its hash", { "k8s.rs.name": "checkout-6b8d9c7f4d" }, null, "checkout"],
    ["no owner fields: the pod name", {}, "worker-bk9tq", "worker"],
    ["no pod, no owner", {}, null, null],
  ])("%s", (_name, fields, pod, workload) => expect(deriveWorkload(reader(fields), pod)).toBe(workload));
});

describe("parseImageReference", () => {
  it.each([
    ["alpine", { repository: "alpine", tag: null, digest: null }],
    ["docker.io/library/alpine:3.19", { repository: "docker.io/library/alpine", tag: "3.19", digest: null }],
    ["registry:5000/team/app", { repository: "registry:5000/team/app", tag: null, digest: null }],
    ["registry:5000/team/app:1.0@sha256:ab12", { repository: "registry:5000/team/app", tag: "1.0", digest: "sha256:ab12" }],
    ["ghcr.io/x/y@sha256:cd34", { repository: "ghcr.io/x/y", tag: null, digest: "sha256:cd34" }],
  ])("%s", (ref, expected) => expect(parseImageReference(ref)).toEqual(expected));
});

describe("container ids and connections", () => {
  it("shortens 64-character ids to Falco's 12 and keeps the rest", () => {
    expect(shortContainerId("4F1C2A9BE8030123456789abcdef0123456789abcdef0123456789abcdef0123")).toBe("4f1c2a9be803");
    expect(shortContainerId("4f1c2a9be803")).toBe("4f1c2a9be803");
    expect(shortContainerId("host")).toBe("host");
  });

  it.each([
    ["172.17.0.9:43812->10.96.0.1:443", true],
    ["::1:5000->::1:6000", true],
    ["/etc/shadow", false],
    ["172.17.0.9:43812", false],
  ])("%s is a connection: %s", (value, expected) => expect(isConnectionTuple(value)).toBe(expected));
});

describe("linear time on hostile output text", () => {
  const timed = (run: () => unknown) => {
    const started = performance.now();
    run();
    return performance.now() - started;
  };

  it("parses a 640 kB fd.name and a megabyte of fragments at once", () => {
    const fdName = `${"1.2.3.4:5".repeat(70_000)}->x`;
    expect(timed(() => expect(isConnectionTuple(fdName)).toBe(false))).toBeLessThan(200);
    expect(timed(() => expect(isConnectionTuple(`${"a:1->".repeat(100_000)}b:2`)).toBe(false))).toBeLessThan(200);
    const images = " image=".repeat(150_000);
    expect(timed(() => expect(imageFromOutput(`x${images}`)).toBeNull())).toBeLessThan(200);
    expect(
      timed(() => expect(imageFromOutput(`image=nginx${")".repeat(500_000)} x`)).toEqual({ repository: "nginx", tag: null, digest: null })),
    ).toBeLessThan(200);
    expect(timed(() => expect(containerIdFromOutput("container_id=0123456789abcdef".repeat(60_000))).toBeNull())).toBeLessThan(200);
    expect(timed(() => expect(namespaceFromApiPath(`/namespaces/${"a".repeat(1_000_000)}!`)).toBeNull())).toBeLessThan(200);
    expect(timed(() => workloadFromPodName(`${"a-bcdfg".repeat(150_000)}!`))).toBeLessThan(200);
  });

  it("still reads ordinary outputs", () => {
    expect(imageFromOutput("Shell spawned (user=root image=nginx:1.27)")).toEqual({ repository: "nginx", tag: "1.27", digest: null });
    expect(imageFromOutput("x image=<NA> y")).toBeNull();
    expect(containerIdFromOutput("a (container_id=0123456789ab container_name=api)")).toBe("0123456789ab");
    expect(containerIdFromOutput("container_id=host")).toBe("host");
    expect(containerIdFromOutput("xcontainer_id=0123456789ab")).toBeNull();
    expect(namespaceFromApiPath("/api/v1/namespaces/default/events/x")).toBe("default");
    expect(namespaceFromApiPath("/api/v1/namespaces/default?watch=1")).toBe("default");
    expect(isConnectionTuple("10.0.0.1:443->10.0.0.2:51234")).toBe(true);
    expect(isConnectionTuple("::1:443->::1:5000")).toBe(true);
  });
});
