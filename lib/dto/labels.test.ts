import { describe, expect, it } from "vitest";
import * as enums from "@/lib/dto/enums";
import * as labels from "@/lib/dto/labels";

// Each label map against the enum Prisma generated from schema.prisma. The Record types already make
// a missing value a compile error; this also catches a value left over after one is removed or
// renamed in the schema, a label map typed loosely, and a label map added without an entry here.
const MAPS: [keyof typeof labels, Record<string, string>][] = [
  ["ROLE_LABELS", enums.Role],
  ["INCIDENT_STATUS_LABELS", enums.IncidentStatus],
  ["INCIDENT_TYPE_LABELS", enums.IncidentType],
  ["TIMELINE_KIND_LABELS", enums.TimelineKind],
  ["PLAYBOOK_PHASE_LABELS", enums.PlaybookPhase],
  ["RUN_STATUS_LABELS", enums.RunStatus],
  ["RUN_STEP_STATUS_LABELS", enums.RunStepStatus],
  ["DETECTION_SOURCE_KIND_LABELS", enums.DetectionSourceKind],
  ["FALCO_PRIORITY_LABELS", enums.FalcoPriority],
  ["CLUSTER_PROVIDER_LABELS", enums.ClusterProvider],
  ["CONTAINER_RUNTIME_LABELS", enums.ContainerRuntime],
  ["ENVIRONMENT_LABELS", enums.Environment],
  ["CRITICALITY_LABELS", enums.Criticality],
  ["WORKLOAD_KIND_LABELS", enums.WorkloadKind],
  ["OWNERSHIP_ROLE_LABELS", enums.OwnershipRole],
  ["EXERCISE_KIND_LABELS", enums.ExerciseKind],
  ["EXERCISE_STATUS_LABELS", enums.ExerciseStatus],
  ["EXERCISE_ATTENDANCE_LABELS", enums.ExerciseAttendance],
  ["FINDING_CATEGORY_LABELS", enums.FindingCategory],
  ["FINDING_SEVERITY_LABELS", enums.FindingSeverity],
  ["FINDING_STATUS_LABELS", enums.FindingStatus],
  ["ACTION_ITEM_STATUS_LABELS", enums.ActionItemStatus],
  ["EVIDENCE_KIND_LABELS", enums.EvidenceKind],
  ["CUSTODY_ACTION_LABELS", enums.CustodyAction],
];

describe("label maps", () => {
  it.each(MAPS)("%s has a word for exactly the values of its enum", (name, enumObject) => {
    const map = labels[name] as Record<string, string>;
    expect(Object.keys(map).sort()).toEqual(Object.values(enumObject).sort());
    for (const [value, label] of Object.entries(map)) expect(label.trim(), `${name}.${value}`).not.toBe("");
  });

  it("every label map of lib/dto/labels.ts is checked above", () => {
    const exported = Object.keys(labels).filter((name) => name.endsWith("_LABELS"));
    expect(exported.sort()).toEqual(MAPS.map(([name]) => name).sort());
  });

  it("offers a map's values as options in the map's order", () => {
    expect(labels.optionsOf(labels.RUN_STATUS_LABELS)).toEqual([
      { value: "ACTIVE", label: "Active" },
      { value: "COMPLETED", label: "Completed" },
      { value: "ABANDONED", label: "Abandoned" },
    ]);
  });
});

describe("enum value lists", () => {
  it("valuesOf lists an enum's values in schema order", () => {
    expect(enums.valuesOf(enums.Severity)).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
  });

  it("keysOf lists a map's keys in the map's order", () => {
    expect(enums.keysOf(labels.DETECTION_SOURCE_KIND_LABELS)).toEqual(["FALCOSIDEKICK", "FALCO", "GENERIC"]);
  });
});
