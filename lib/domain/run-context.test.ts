import { describe, expect, it } from "vitest";
import { renderTemplate } from "@/lib/domain/playbook-template";
import { buildRunContext, type ContextAlert } from "@/lib/domain/run-context";

const incident = { key: "INC-0042", cluster: "prod-eu", namespace: "payments", workload: "payments-api" };
const owners = { primary: "Priya Patel", secondary: ["Sam Okafor"] };

function alert(minute: number, fields: Partial<ContextAlert> = {}): ContextAlert {
  return {
    eventTime: new Date(Date.UTC(2026, 10, 28, 10, minute)),
    cluster: "prod-eu",
    namespace: "payments",
    workload: "payments-api",
    podName: null,
    containerId: null,
    containerName: null,
    imageRepository: null,
    imageTag: null,
    imageDigest: null,
    nodeName: null,
    hostname: null,
    ...fields,
  };
}

describe("buildRunContext", () => {
  it("takes the newest alert that names a container, filling gaps from the same container's other alerts", () => {
    const alerts = [
      alert(1, {
        podName: "payments-api-7d9f-abcde",
        containerId: "0123456789ab",
        containerName: "api",
        imageRepository: "ghcr.io/acme/payments-api",
        imageTag: "1.4.2",
        imageDigest: "sha256:aaa",
        nodeName: "ip-10-0-1-12",
      }),
      alert(5, {
        podName: "payments-api-7d9f-abcde",
        containerId: "0123456789ab",
        containerName: "api",
        imageRepository: "ghcr.io/acme/payments-api",
        imageTag: "1.4.2",
      }),
      alert(3, { podName: "payments-api-7d9f-zzzzz", containerId: "ffffffffffff", containerName: "api", nodeName: "ip-10-0-9-9" }),
      alert(9, { podName: null, containerId: null, hostname: "ip-10-0-3-3" }),
    ];
    expect(buildRunContext(incident, alerts, owners)).toEqual({
      incident_key: "INC-0042",
      cluster: "prod-eu",
      namespace: "payments",
      workload: "payments-api",
      pod: "payments-api-7d9f-abcde",
      container_id: "0123456789ab",
      container_name: "api",
      image: "ghcr.io/acme/payments-api:1.4.2",
      image_digest: "sha256:aaa",
      node: "ip-10-0-1-12",
      primary_owner: "Priya Patel",
      secondary_owner: "Sam Okafor",
    });
  });

  it("falls back to the alerts for where the incident has no location, and joins several secondaries", () => {
    const context = buildRunContext(
      { key: "INC-0007", cluster: null, namespace: null, workload: null },
      [
        alert(2, {
          cluster: "prod-us",
          namespace: "batch",
          workload: "miner",
          podName: "miner-1",
          imageRepository: "docker.io/evil/xmrig",
        }),
      ],
      { primary: null, secondary: ["Sam Okafor", "Lee Chen"] },
    );
    expect(context).toMatchObject({
      cluster: "prod-us",
      namespace: "batch",
      workload: "miner",
      pod: "miner-1",
      image: "docker.io/evil/xmrig",
      container_id: null,
      primary_owner: null,
      secondary_owner: "Sam Okafor or Lee Chen",
    });
  });

  it("has only the incident's own facts when there are no alerts, and renders the rest visibly unknown", () => {
    const context = buildRunContext(incident, [], { primary: null, secondary: [] });
    expect(context).toMatchObject({ incident_key: "INC-0042", cluster: "prod-eu", pod: null, node: null, secondary_owner: null });
    expect(renderTemplate("`kubectl -n {{namespace}} get pod {{pod}} # {{incident_key}}`", context)).toBe(
      "`kubectl -n payments get pod ‹pod unknown› # INC-0042`",
    );
  });
});
