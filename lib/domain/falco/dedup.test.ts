import { describe, expect, it } from "vitest";
import { dedupKey, dedupKeyOf } from "@/lib/domain/falco/dedup";
import { normalizeFalcoEvent } from "@/lib/domain/falco/normalize";
import {
  hostEvent,
  kubeAuditExecEvent,
  metricsSnapshot,
  minerEvent,
  nullFieldsEvent,
  shellEvent,
  viaFalcosidekick,
} from "@/tests/support/falco-events";

function keyOf(event: unknown, defaultCluster: string | null = "prod-eu"): string {
  const result = normalizeFalcoEvent(event, { defaultCluster });
  if (!result.ok) throw new Error(result.error);
  return dedupKeyOf(result.event);
}

const events = {
  shell: shellEvent,
  nullFields: nullFieldsEvent,
  host: hostEvent,
  kubeAudit: kubeAuditExecEvent,
  metrics: metricsSnapshot,
  miner: () => minerEvent(),
};

describe("dedupKey", () => {
  it("is a sha256 hex digest", () => {
    expect(keyOf(shellEvent())).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(Object.entries(events))("%s: a replay of the same event gets the same key", (_name, make) => {
    expect(keyOf(make())).toBe(keyOf(JSON.parse(JSON.stringify(make()))));
  });

  it.each(Object.entries(events))(
    "%s: Falco direct and via falcosidekick (uuid, custom fields, re-encoded time) collide",
    (_name, make) => {
      const direct = make();
      const first = viaFalcosidekick(direct, "5b8f1c2e-0000-4000-8000-000000000001", { cluster: "prod-eu", environment: "production" });
      const second = viaFalcosidekick(direct, "5b8f1c2e-0000-4000-8000-000000000002", { "k8s.cluster.name": "prod-eu" });
      expect(keyOf(first)).toBe(keyOf(direct));
      expect(keyOf(second)).toBe(keyOf(direct));
    },
  );

  it("does not depend on the receiving source's default cluster, tags or priority case", () => {
    expect(keyOf(shellEvent(), "prod-us")).toBe(keyOf(shellEvent(), null));
    expect(keyOf(shellEvent({ tags: ["shell"], priority: "NOTICE" }))).toBe(keyOf(shellEvent()));
  });

  it("reads one instant however RFC 3339 spells it", () => {
    expect(keyOf(shellEvent({ time: "2024-03-02T10:12:44.120004711+01:00" }))).toBe(keyOf(shellEvent()));
  });

  it("treats a 64-character container id like its 12-character form", () => {
    const long = shellEvent();
    (long.output_fields as Record<string, unknown>)["container.id"] = "3a9c0d41be77" + "0".repeat(52);
    expect(keyOf(long)).toBe(keyOf(shellEvent()));
  });

  it.each([
    ["another nanosecond", { time: "2024-03-02T09:12:44.120004712Z" }],
    ["another rule", { rule: "Run shell untrusted" }],
    ["another host", { hostname: "ip-10-0-3-18" }],
    ["another output", { output: "something else" }],
    ["another source", { source: "k8s_audit" }],
  ])("changes with %s", (_name, change) => {
    expect(keyOf(shellEvent(change))).not.toBe(keyOf(shellEvent()));
  });

  it("changes with another container", () => {
    const other = shellEvent();
    (other.output_fields as Record<string, unknown>)["container.id"] = "aaaaaaaaaaaa";
    expect(keyOf(other)).not.toBe(keyOf(shellEvent()));
  });

  it("cannot be shifted by separators inside a field", () => {
    const base = { timeNanos: "1", hostname: null, source: null, containerId: null };
    expect(dedupKey({ ...base, rule: "a", output: "b|c" })).not.toBe(dedupKey({ ...base, rule: "a|b", output: "c" }));
  });
});
