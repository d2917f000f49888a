import { describe, expect, it } from "vitest";
import { CreateDetectionSourceInput, UpdateDetectionSourceInput } from "@/lib/validation/detection-sources";

// What the create and edit forms post: every value a string, blank fields meaning "not set".

describe("CreateDetectionSourceInput", () => {
  it.each([
    [
      "all fields",
      { name: " falcosidekick-prod-us ", kind: "FALCOSIDEKICK", defaultCluster: "prod-us", minIncidentPriority: "ERROR" },
      { name: "falcosidekick-prod-us", kind: "FALCOSIDEKICK", defaultCluster: "prod-us", minIncidentPriority: "ERROR" },
    ],
    [
      "a blank default cluster and threshold",
      { name: "falco", kind: "FALCO", defaultCluster: "  ", minIncidentPriority: "" },
      { name: "falco", kind: "FALCO", defaultCluster: null, minIncidentPriority: "WARNING" },
    ],
    [
      "no default cluster or threshold at all",
      { name: "generic", kind: "GENERIC" },
      { name: "generic", kind: "GENERIC", defaultCluster: null, minIncidentPriority: "WARNING" },
    ],
  ])("accepts %s", (_case, form, expected) => {
    expect(CreateDetectionSourceInput.parse(form)).toEqual(expected);
  });

  it.each([
    ["a missing name", { name: "  ", kind: "FALCO" }, "name"],
    ["a control character in the name", { name: "bad\u0007name", kind: "FALCO" }, "name"],
    ["an unknown kind", { name: "x", kind: "SYSDIG" }, "kind"],
    ["a cluster name with spaces", { name: "x", kind: "FALCO", defaultCluster: "prod eu" }, "defaultCluster"],
    ["a priority Falco does not have", { name: "x", kind: "FALCO", minIncidentPriority: "SEVERE" }, "minIncidentPriority"],
  ])("refuses %s on its field", (_case, form, field) => {
    const result = CreateDetectionSourceInput.safeParse(form);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe("UpdateDetectionSourceInput", () => {
  it("reads the loaded version as a number and clears the default cluster when blank", () => {
    expect(
      UpdateDetectionSourceInput.parse({ id: "src1", version: "3", name: "n", defaultCluster: "", minIncidentPriority: "NOTICE" }),
    ).toEqual({
      id: "src1",
      version: 3,
      name: "n",
      defaultCluster: null,
      minIncidentPriority: "NOTICE",
    });
  });

  it("refuses a form without its version", () => {
    expect(UpdateDetectionSourceInput.safeParse({ id: "src1", name: "n" }).success).toBe(false);
  });
});
