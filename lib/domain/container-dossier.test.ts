import { describe, expect, it } from "vitest";
import { buildDossier, DOSSIER_SAMPLES, type DossierGroup } from "@/lib/domain/container-dossier";

const t0 = new Date("2026-01-01T10:00:00Z");
const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);

const container: DossierGroup = {
  kind: "container",
  key: "3ad7b26ded6d",
  namespace: "payments",
  workload: "payments-api",
  containerId: "3ad7b26ded6d",
  containerNames: ["api"],
  pods: ["payments-api-7d9f8-abcde"],
  images: [{ repository: "ghcr.io/acme/payments-api", tag: "1.4.2", digest: "sha256:abc" }],
  nodes: ["node-1"],
  processes: ["bash -i", "cat /etc/shadow"],
  files: ["/etc/shadow"],
  connections: [],
  users: ["root"],
  alertCount: 2,
  firstSeen: t0,
  lastSeen: minutes(5),
};
const workload: DossierGroup = {
  ...container,
  kind: "workload",
  key: "payments/payments-api",
  containerId: null,
  alertCount: 4,
  lastSeen: minutes(7),
};

describe("buildDossier", () => {
  it("labels workloads by namespace and containers by name and id, most recently active first", () => {
    const other = { ...container, key: "99aa00bb11cc", containerId: "99aa00bb11cc", containerNames: [], lastSeen: minutes(7) };
    const { workloads, containers } = buildDossier([container, workload, other], minutes(10));
    expect(workloads).toEqual([
      expect.objectContaining({ id: "payments/payments-api", label: "payments/payments-api", alertCount: 4, probablyGone: false }),
    ]);
    expect(containers.map((c) => c.label)).toEqual(["99aa00bb11cc", "api (3ad7b26ded6d)"]);
    expect(containers[1]).toMatchObject({
      processes: ["bash -i", "cat /etc/shadow"],
      files: ["/etc/shadow"],
      firstSeen: t0,
      lastSeen: minutes(5),
    });
  });

  it("labels a workload without a namespace by its name alone", () => {
    const { workloads } = buildDossier([{ ...workload, namespace: null, key: "-/node-agent", workload: "node-agent" }], minutes(10));
    expect(workloads[0]!.label).toBe("node-agent");
  });

  it("calls a container probably gone after 15 minutes without an alert, not before", () => {
    expect(buildDossier([container], minutes(20)).containers[0]!.probablyGone).toBe(false);
    expect(buildDossier([container], minutes(21)).containers[0]!.probablyGone).toBe(true);
  });

  it("uses the configured lifetime when one is given", () => {
    expect(buildDossier([container], minutes(50), 60).containers[0]!.probablyGone).toBe(false);
    expect(buildDossier([container], minutes(66), 60).containers[0]!.probablyGone).toBe(true);
  });

  it("keeps every list within its bound whatever the database sent", () => {
    const many = Array.from({ length: DOSSIER_SAMPLES * 3 }, (_, i) => `/tmp/f${i}`);
    expect(buildDossier([{ ...container, files: many }], minutes(1)).containers[0]!.files).toHaveLength(DOSSIER_SAMPLES);
  });

  it("is empty without alerts", () => {
    expect(buildDossier([], new Date())).toEqual({ workloads: [], containers: [] });
  });
});
