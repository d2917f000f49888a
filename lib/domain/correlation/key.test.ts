import { describe, expect, it } from "vitest";
import { correlationKeyOf } from "@/lib/domain/correlation/key";

describe("correlationKeyOf", () => {
  const cases: [cluster: string | null, namespace: string | null, workload: string | null, node: string | null, key: string][] = [
    ["prod-eu", "payments", "payments-api", null, "prod-eu/payments/payments-api"],
    ["prod-eu", "payments", "payments-api", "node-1", "prod-eu/payments/payments-api"],
    ["prod-eu", "default", null, "node-1", "prod-eu/default/-"],
    ["prod-eu", null, null, "node-1", "prod-eu/-/node:node-1"],
    [null, null, null, null, "-/-/-"],
  ];
  it.each(cases)("%s %s %s %s → %s", (cluster, namespace, workload, nodeName, key) =>
    expect(correlationKeyOf({ cluster, namespace, workload, nodeName })).toBe(key),
  );
});
