// The one definition of what alerts correlate on. The ingest SQL compares Incident."correlationKey"
// with this function's output (passed as a parameter) and reads stored alerts of one key by
// correlationColumns, the planner (plan.ts) groups by it, and the demo seed stores it: none of them
// re-encodes the rule.

/** The fields of an alert (or an incident's scope) that its correlation key is made of. */
export type CorrelationScope = {
  cluster: string | null;
  namespace: string | null;
  workload: string | null;
  nodeName?: string | null;
};

/** The columns the key of `scope` is made of and the values they hold; the node only for an event outside any namespace. */
export type CorrelationColumns = { cluster: string | null; namespace: string | null; workload: string | null; nodeName?: string | null };

/**
 * What alerts join one open incident on: cluster/namespace/workload (the form the demo data uses,
 * e.g. `prod-eu/payments/payments-api`). An event outside any workload (a host event, or a
 * Kubernetes audit event about no pod) correlates on its node when one is given, else on the
 * namespace. Alerts with equal columns here have equal keys, and the other way round.
 */
export function correlationColumns(scope: CorrelationScope): CorrelationColumns {
  const columns = { cluster: scope.cluster, namespace: scope.namespace, workload: scope.workload };
  return !scope.workload && !scope.namespace ? { ...columns, nodeName: scope.nodeName ?? null } : columns;
}

/** The key, as Incident."correlationKey" holds it. */
export function correlationKeyOf(scope: CorrelationScope): string {
  const { cluster, namespace, workload, nodeName } = correlationColumns(scope);
  const last = workload ?? (nodeName ? `node:${nodeName}` : null);
  return `${cluster ?? "-"}/${namespace ?? "-"}/${last ?? "-"}`;
}
