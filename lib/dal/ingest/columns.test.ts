import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/browser";
import { normalizeFalcoEvent } from "@/lib/domain/falco/normalize";
import { hostEvent, kubeAuditExecEvent, metricsSnapshot, nullFieldsEvent, shellEvent } from "@/tests/support/falco-events";
import { ALERT_COLUMNS_NOT_FROM_ROW, alertInsert, incidentTotals, timelineInsert } from "@/lib/dal/ingest/columns";

// The compiler holds the column map to the record types and to Prisma's generated models
// (columns.ts); this checks the same at run time, from what the normaliser really returns and
// the field lists Prisma generates, so a field that reaches the row some other way is caught too.

describe("the ingest column map", () => {
  it.each([
    ["shell", shellEvent()],
    ["null fields", nullFieldsEvent()],
    ["host", hostEvent()],
    ["Kubernetes audit", kubeAuditExecEvent()],
    ["metrics snapshot", metricsSnapshot()],
  ])("inserts every column a normalised %s event carries", (_name, event) => {
    const result = normalizeFalcoEvent(event);
    if (!result.ok) throw new Error(result.error);
    const unmapped = Object.keys(result.event.alert).filter((k) => !alertInsert.fields.includes(k as never));
    expect(unmapped).toEqual([]);
  });

  it("maps every column of the Alert model, and only those", () => {
    expect([...alertInsert.fields, ...ALERT_COLUMNS_NOT_FROM_ROW].sort()).toEqual(Object.keys(Prisma.AlertScalarFieldEnum).sort());
  });

  it("writes only columns of Incident and TimelineEntry", () => {
    expect(incidentTotals.fields.filter((f) => !(f in Prisma.IncidentScalarFieldEnum))).toEqual([]);
    expect(timelineInsert.fields.filter((f) => !(f in Prisma.TimelineEntryScalarFieldEnum))).toEqual([]);
  });

  it("reads each field with its column's type", () => {
    expect(alertInsert.recordType).toContain('"eventTime" timestamp');
    expect(alertInsert.recordType).toContain('"tags" text[]');
    expect(alertInsert.values("r")).toContain('r."priority"::"FalcoPriority"');
    expect(alertInsert.list.split(", ")).toHaveLength(alertInsert.fields.length);
  });
});
