import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  AddPlaybookStepInput,
  CreatePlaybookInput,
  PlaybookDiffQuery,
  PlaybookListFilter,
  stepFormToInput,
} from "@/lib/validation/playbooks";

describe("playbook forms", () => {
  it("reads a step form: blanks become null, CRLF becomes LF, minutes become a number", () => {
    const parsed = AddPlaybookStepInput.parse(
      stepFormToInput({
        playbookId: "pb",
        versionId: "v1",
        version: "4",
        phase: "CONTAINMENT",
        title: "  Scale down  ",
        instructions: "kubectl scale deploy/{{workload}}\r\n--replicas=0",
        responsibleRole: "",
        evidenceExpected: " ",
        expectedMinutes: "15",
      }),
    );
    expect(parsed).toEqual({
      versionId: "v1",
      version: 4,
      step: {
        phase: "CONTAINMENT",
        title: "Scale down",
        instructions: "kubectl scale deploy/{{workload}}\n--replicas=0",
        responsibleRole: null,
        evidenceExpected: null,
        expectedMinutes: 15,
      },
    });
  });

  it("names the field at fault", () => {
    const result = AddPlaybookStepInput.safeParse(
      stepFormToInput({
        versionId: "v1",
        version: "0",
        phase: "SOMEWHEN",
        title: "x",
        instructions: "",
        responsibleRole: "JANITOR",
        expectedMinutes: "0",
      }),
    );
    expect(result.success).toBe(false);
    const fields = Object.keys(z.flattenError(result.error!).fieldErrors);
    expect(z.treeifyError(result.error!).properties?.step?.properties).toMatchObject({
      phase: expect.anything(),
      title: expect.anything(),
      instructions: expect.anything(),
      responsibleRole: expect.anything(),
      expectedMinutes: expect.anything(),
    });
    expect(fields).toContain("step");
  });

  it("accepts only ATT&CK for Containers techniques, deduplicated and upper-cased", () => {
    const base = { title: "Ransomware on a PV", incidentType: "RANSOMWARE", description: "" };
    expect(CreatePlaybookInput.parse({ ...base, attackTechniques: ["t1485", "T1485", "T1490"] })).toMatchObject({
      attackTechniques: ["T1485", "T1490"],
      description: null,
    });
    expect(CreatePlaybookInput.parse({ ...base, attackTechniques: "T1610" }).attackTechniques).toEqual(["T1610"]);
    expect(() => CreatePlaybookInput.parse({ ...base, attackTechniques: ["T1486"] })).toThrow(
      /Not ATT&CK for Containers techniques: T1486/,
    );
  });

  it("reads the list filter and the diff query", () => {
    expect(PlaybookListFilter.parse({ type: "RANSOMWARE", retired: "1" })).toEqual({ type: "RANSOMWARE", retired: true });
    expect(PlaybookListFilter.parse({ type: "" })).toEqual({ type: null, retired: false });
    expect(PlaybookDiffQuery.parse({ from: "1", to: "2" })).toEqual({ from: 1, to: 2 });
    expect(PlaybookDiffQuery.safeParse({ from: "2", to: "2" }).success).toBe(false);
  });
});
