import { describe, expect, it } from "vitest";
import { correlationColumns, correlationKeyOf } from "@/lib/domain/correlation/key";

type Scope = [cluster: string | null, namespace: string | null, workload: string | null, node: string | null];

describe("correlationKeyOf", () => {
  const cases: [...Scope, key: string][] = [
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

describe("correlationColumns", () => {
  it("names the node only for an event outside any namespace", () => {
    expect(correlationColumns({ cluster: "c", namespace: "ns", workload: null, nodeName: "n" })).toEqual({
      cluster: "c",
      namespace: "ns",
      workload: null,
    });
    expect(correlationColumns({ cluster: "c", namespace: null, workload: null, nodeName: "n" })).toEqual({
      cluster: "c",
      namespace: null,
      workload: null,
      nodeName: "n",
    });
    expect(correlationColumns({ cluster: "c", namespace: null, workload: null })).toEqual({
      cluster: "c",
      namespace: null,
      workload: null,
      nodeName: null,
    });
  });

  // The SQL that reads stored alerts of one key filters on these columns (lib/dal/ingest/alert-statements.ts).
  it("gives equal columns exactly for equal keys", () => {
    const values = [null, "a", "b"];
    const scopes = values.flatMap((cluster) =>
      values.flatMap((namespace) => values.flatMap((workload) => values.map((nodeName) => ({ cluster, namespace, workload, nodeName })))),
    );
    for (const x of scopes)
      for (const y of scopes)
        expect(JSON.stringify(correlationColumns(x)) === JSON.stringify(correlationColumns(y))).toBe(
          correlationKeyOf(x) === correlationKeyOf(y),
        );
  });
});
