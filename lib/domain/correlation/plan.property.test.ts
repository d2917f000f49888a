import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correlationKeyOf } from "@/lib/domain/correlation/key";
import { planCorrelation } from "@/lib/domain/correlation/plan";
import type { CorrelatedAlert, CorrelationPlan, OpenIncident } from "@/lib/domain/correlation/types";
import type { FalcoPriority } from "@/lib/generated/prisma/enums";
import { alert, incident, input, label, placement } from "@/tests/support/correlation";

// The plan depends on what a flush holds, not on how it came: the order of the alerts (requests
// combined by write-combining arrive in any order), nor how a time-ordered stream is cut into
// flushes (the same alerts in one flush or in several end in the same incidents with the same
// totals; only the timeline's wording differs).

const SCOPES = [
  { namespace: "payments", workload: "payments-api", nodeName: "node-1" },
  { namespace: "payments", workload: "ledger-writer", nodeName: "node-2" },
  { namespace: "payments", workload: null, nodeName: "node-1" },
  { namespace: null, workload: null, nodeName: "node-3" },
];
const PRIORITIES: FalcoPriority[] = ["CRITICAL", "ERROR", "WARNING", "NOTICE", "DEBUG"];
const TAGS = ["container", "T1609", "T1611", "mitre_execution", "mitre_persistence", "TA0004"];

/** An alert without its id; times in whole seconds over two hours, so windows meet and ties happen. */
const alertSpec = fc.record({
  scope: fc.constantFrom(...SCOPES),
  second: fc.integer({ min: 0, max: 7_200 }),
  priority: fc.constantFrom(...PRIORITIES),
  tags: fc.subarray(TAGS),
  rule: fc.constantFrom("Terminal shell in container", "Read sensitive file untrusted"),
  security: fc.constantFrom(true, true, true, false),
});
type AlertSpec = typeof alertSpec extends fc.Arbitrary<infer T> ? T : never;

const toAlert = (prefix: string) => (s: AlertSpec, i: number) =>
  alert(`${prefix}${String(i).padStart(3, "0")}`, {
    ...s.scope,
    minute: s.second / 60,
    priority: s.priority,
    tags: s.tags,
    rule: s.rule,
    security: s.security,
  });

const options = fc.record({
  windowMinutes: fc.integer({ min: 1, max: 15 }),
  minIncidentPriority: fc.constantFrom<FalcoPriority>("ERROR", "WARNING"),
});

/** A permutation of `items`. */
const shuffled = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

describe("planCorrelation is independent of", () => {
  it("the order of the flush's alerts, open incidents and stored alerts", () => {
    const flush = fc
      .record({
        alerts: fc.array(alertSpec, { maxLength: 25 }).map((specs) => specs.map(toAlert("a"))),
        unattached: fc.array(alertSpec, { maxLength: 8 }).map((specs) => specs.map(toAlert("s")).map((a) => ({ ...a, security: true }))),
        incidents: fc.array(fc.record({ scope: fc.constantFrom(...SCOPES), first: fc.integer({ min: -30, max: 120 }), span: fc.nat(40) }), {
          maxLength: 4,
        }),
        options,
      })
      .chain((f) => {
        const incidents = f.incidents.map((spec, i) =>
          incident(`INC${i}`, {
            number: i + 1,
            first: spec.first,
            last: spec.first + spec.span,
            correlationKey: correlationKeyOf({ cluster: "prod-eu", ...spec.scope }),
          }),
        );
        const insertedWith = fc.array(fc.constantFrom<string | null>(null, ...incidents.map((i) => i.id)), {
          minLength: f.alerts.length,
          maxLength: f.alerts.length,
        });
        return fc.tuple(
          fc.constant({ ...f, incidents }),
          insertedWith,
          shuffled(f.alerts),
          shuffled(incidents),
          shuffled(f.unattached),
          shuffled(f.alerts.map((_a, i) => i)),
        );
      });
    fc.assert(
      fc.property(flush, ([f, placedBy, alerts, incidents, unattached, order]) => {
        const inserted = f.alerts.map((a, i) => [a.id, placedBy[i]!] as const);
        const plan = planCorrelation(
          input({ ...f.options, alerts: f.alerts, incidents: f.incidents, unattached: f.unattached, insertedWith: new Map(inserted) }),
        );
        const again = planCorrelation(
          input({ ...f.options, alerts, incidents, unattached, insertedWith: new Map(order.map((i) => inserted[i]!)) }),
        );
        expect(again).toEqual(plan);
      }),
      { numRuns: 300 },
    );
  });

  it("how a time-ordered stream of alerts is split into flushes", () => {
    const stream = fc
      .record({ alerts: fc.array(alertSpec, { minLength: 1, maxLength: 30 }), cuts: fc.array(fc.nat(30), { maxLength: 4 }), options })
      .map(({ alerts, cuts, options }) => {
        const ordered = alerts.map(toAlert("a")).sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime() || (a.id < b.id ? -1 : 1));
        const bounds = [...new Set([0, ...cuts.map((c) => c % ordered.length), ordered.length])].sort((a, b) => a - b);
        return { ordered, batches: bounds.slice(1).map((end, i) => ordered.slice(bounds[i], end)), options };
      })
      .chain((s) => fc.tuple(fc.constant(s), fc.tuple(...s.batches.map((b) => shuffled(b)))));
    fc.assert(
      fc.property(stream, ([{ ordered, options }, batches]) => {
        const whole = planCorrelation(input({ ...options, alerts: ordered }));
        const split = inFlushes(batches, options);
        expect(split.placed).toEqual(placement(whole, ordered));
        expect(split.totals).toEqual(totalsByIncident([whole]));
      }),
      { numRuns: 300 },
    );
  });
});

type Totals = { added: number; severity: string; techniques: string[]; tactics: string[]; first: number; last: number };

/** Each incident's totals after the plans, in order (an incident's later totals replace its earlier ones, its counts add up). */
function totalsByIncident(plans: CorrelationPlan[]): Record<string, Totals> {
  const totals: Record<string, Totals> = {};
  for (const plan of plans)
    for (const t of plan.totals) {
      const name = label(t.incident)!;
      totals[name] = {
        added: (totals[name]?.added ?? 0) + t.added,
        severity: t.severity,
        techniques: t.techniques,
        tactics: t.tactics,
        first: t.first.getTime(),
        last: t.last.getTime(),
      };
    }
  return totals;
}

/** The flushes one after another, each seeing the incidents and the unattached alerts the ones before left. */
function inFlushes(batches: CorrelatedAlert[][], options: { windowMinutes: number; minIncidentPriority: FalcoPriority }) {
  const placed: Record<string, string | null> = {};
  const open = new Map<string, OpenIncident>();
  const plans: CorrelationPlan[] = [];
  const stored: CorrelatedAlert[] = [];
  for (const batch of batches) {
    const unattached = stored.filter((a) => placed[a.id] === null);
    const plan = planCorrelation(input({ ...options, alerts: batch, incidents: [...open.values()], unattached }));
    plans.push(plan);
    Object.assign(placed, placement(plan, batch));
    for (const o of plan.opens) for (const id of o.takenAlong) placed[id] = `new:${o.alert.id}`;
    const keys = new Map(plan.opens.map((o) => [`new:${o.alert.id}`, o.key]));
    for (const t of plan.totals) {
      const id = label(t.incident)!;
      open.set(id, {
        id,
        number: open.get(id)?.number ?? open.size + 1,
        severity: t.severity,
        attackTechniques: t.techniques,
        attackTactics: t.tactics,
        firstAlertMs: t.first.getTime(),
        lastAlertMs: t.last.getTime(),
        correlationKey: open.get(id)?.correlationKey ?? keys.get(id)!,
      });
    }
    stored.push(...batch.filter((a) => a.security));
  }
  return { placed, totals: totalsByIncident(plans) };
}
