import { describe, expect, it } from "vitest";
import { buildDossier, type DossierAlert } from "@/lib/domain/container-dossier";

const base: DossierAlert = {
  eventTime: new Date("2026-01-01T10:00:00Z"), containerId: "3ad7b26ded6d", containerName: "api", podName: "payments-api-7d9f8-abcde",
  workload: "payments-api", namespace: "payments", imageRepository: "ghcr.io/acme/payments-api", imageTag: "1.4.2",
  imageDigest: "sha256:abc", nodeName: "node-1", processName: "bash", processCmdline: "bash -i", userName: "root", fileName: null, connection: null,
};

describe("buildDossier", () => {
  it("groups by container and by workload with what the alerts recorded", () => {
    const alerts: DossierAlert[] = [
      base,
      { ...base, eventTime: new Date("2026-01-01T10:05:00Z"), processCmdline: "cat /etc/shadow", fileName: "/etc/shadow" },
      { ...base, eventTime: new Date("2026-01-01T10:07:00Z"), containerId: "99aa00bb11cc", podName: "payments-api-7d9f8-zzzzz", connection: "10.0.0.1:4444->1.2.3.4:443" },
      { ...base, containerId: null, containerName: null, processCmdline: null, processName: null },
    ];
    const { workloads, containers } = buildDossier(alerts, new Date("2026-01-01T10:10:00Z"));
    expect(workloads).toHaveLength(1);
    expect(workloads[0]).toMatchObject({ label: "payments/payments-api", alertCount: 4, probablyGone: false });
    expect(workloads[0]!.pods).toEqual(["payments-api-7d9f8-abcde", "payments-api-7d9f8-zzzzz"]);
    expect(containers.map((c) => c.id)).toEqual(["99aa00bb11cc", "3ad7b26ded6d"]);
    const first = containers[1]!;
    expect(first.processes).toEqual(["bash -i", "cat /etc/shadow"]);
    expect(first.files).toEqual(["/etc/shadow"]);
    expect(first.images).toEqual([{ repository: "ghcr.io/acme/payments-api", tag: "1.4.2", digest: "sha256:abc" }]);
    expect(first.firstSeen.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(first.lastSeen.toISOString()).toBe("2026-01-01T10:05:00.000Z");
    expect(containers[0]!.connections).toEqual(["10.0.0.1:4444->1.2.3.4:443"]);
  });

  it("calls a container probably gone after 15 minutes without an alert, not before", () => {
    const at = (minutes: number) => new Date(base.eventTime.getTime() + minutes * 60_000);
    expect(buildDossier([base], at(15)).containers[0]!.probablyGone).toBe(false);
    expect(buildDossier([base], at(16)).containers[0]!.probablyGone).toBe(true);
  });

  it("uses the configured lifetime when one is given", () => {
    const at = (minutes: number) => new Date(base.eventTime.getTime() + minutes * 60_000);
    expect(buildDossier([base], at(45), 60).containers[0]!.probablyGone).toBe(false);
    expect(buildDossier([base], at(61), 60).containers[0]!.probablyGone).toBe(true);
  });

  it("is empty without alerts", () => {
    expect(buildDossier([], new Date())).toEqual({ workloads: [], containers: [] });
  });
});
