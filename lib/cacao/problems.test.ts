import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BULKHEAD_EXTENSION_ID } from "@/lib/cacao/extension";
import { problemLines, readCacaoDocument } from "@/lib/cacao/read-document";
import type { CacaoAgent, CacaoPlaybook } from "@/lib/cacao/types";

type Doc = CacaoPlaybook;
const fixture = (name: string): Doc => JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8")) as Doc;
const stepId = (doc: Doc, name: string) => Object.keys(doc.workflow).find((id) => doc.workflow[id]!.name === name)!;

/** The refusal of a document changed by `edit`; fails the test if it is accepted. */
function refusal(edit: (doc: Doc) => void, name = "manual-triage.json") {
  const doc = fixture(name);
  edit(doc);
  const read = readCacaoDocument(JSON.stringify(doc, null, 2));
  if (read.ok) throw new Error("the document was accepted");
  return read;
}

describe("refusing text that is not JSON", () => {
  it("says where: line and column", () => {
    expect(readCacaoDocument('{\n  "type": "playbook",\n  "name": "x",,\n}')).toEqual({
      ok: false,
      message: 'This is not JSON: line 3, column 15: unexpected ",".',
      problems: [],
    });
    expect(readCacaoDocument('{"type": "playbook"')).toMatchObject({
      ok: false,
      message: "This is not JSON: line 1, column 20: the text ends too early (is it cut off?).",
    });
  });

  it("asks for a document when there is none", () => {
    expect(readCacaoDocument("  \n")).toMatchObject({
      ok: false,
      message: "Nothing to import: paste or upload a CACAO 2.0 playbook (JSON).",
    });
  });
});

describe("schema problems", () => {
  it("lists each as `<JSON pointer>: <message>` in CACAO's words", () => {
    const read = refusal((doc) => {
      doc.spec_version = "cacao-1.0" as Doc["spec_version"];
      doc.created = "yesterday";
      const first = doc.workflow[stepId(doc, "[Detection & Analysis] Record the image digest")]!;
      delete first.commands;
      first.agent = "security-team";
    });
    expect(read.message).toBe("This is not a valid CACAO 2.0 playbook: 4 problems against the OASIS schemas. Nothing was imported.");
    const action = stepId(fixture("manual-triage.json"), "[Detection & Analysis] Record the image digest");
    expect(read.problems.sort()).toEqual(
      [
        '/spec_version: must be one of "cacao-2.0" (got "cacao-1.0")',
        '/created: must be an RFC 3339 UTC timestamp such as 2024-01-31T09:30:00.000Z (got "yesterday")',
        `/workflow/${action}/commands: is required`,
        `/workflow/${action}/agent: must be a CACAO identifier "<object-type>--<UUID>" (got "security-team")`,
      ].sort(),
    );
  });

  it("reports a whole-document problem at /", () => {
    expect(readCacaoDocument("[]")).toMatchObject({ ok: false, problems: ["/: must be an object"] });
    expect(readCacaoDocument('{"type": "playbook"}')).toMatchObject({
      ok: false,
      problems: expect.arrayContaining(["/workflow: is required", "/id: is required"]),
    });
  });

  it("gives one line for a switch case that matches none of the oneOf alternatives, not one per alternative", () => {
    const read = refusal((doc) => {
      doc.workflow[stepId(doc, "By severity")]!.cases = { high: "pager" };
    }, "branching.json");
    expect(read.problems).toEqual([
      `/workflow/${stepId(fixture("branching.json"), "By severity")}/cases/high: must be an identifier "<type>--<UUID>" whose type is one of action, end, if-condition, parallel, playbook, start, switch-condition, while-condition (got "pager")`,
    ]);
  });

  it("says a value of an open vocabulary has the wrong type, without listing the suggested values", () => {
    const read = refusal((doc) => {
      doc.playbook_types = ["investigation", 3 as unknown as string];
    });
    expect(read.problems).toEqual(["/playbook_types/1: must be a string"]);
  });

  it("names the property a start step must not have", () => {
    const read = refusal((doc) => {
      const start = doc.workflow[doc.workflow_start]!;
      start.on_success = start.on_completion;
    });
    expect(read.problems).toEqual([
      `/workflow/${fixture("manual-triage.json").workflow_start}: a "start" step must not have on_success (CACAO 2.0 section 4)`,
    ]);
  });

  it("caps a long list at 20 lines and counts the rest", () => {
    const read = refusal((doc) => {
      for (let i = 0; i < 30; i++) doc.labels!.push(i as unknown as string);
    });
    expect(read.problems).toHaveLength(21);
    expect(read.problems[0]).toBe("/labels/3: must be a string");
    expect(read.problems[20]).toBe("and 10 more");
  });

  it("problemLines drops exact repeats before counting", () => {
    const same = { path: "/a", message: "is wrong" };
    expect(problemLines([same, same, { path: "", message: "x" }])).toEqual(["/a: is wrong", "/: x"]);
  });
});

describe("semantic problems the schema cannot express", () => {
  it("a step reference to a step that does not exist, wherever it is", () => {
    const read = refusal((doc) => {
      doc.workflow[stepId(doc, "Collect at once")]!.next_steps![1] = "action--00000000-0000-4000-8000-000000000000";
      doc.workflow[stepId(doc, "Still running?")]!.on_false = "end--00000000-0000-4000-8000-000000000001";
      doc.workflow[stepId(doc, "By severity")]!.cases!.default = "action--00000000-0000-4000-8000-000000000002";
    }, "branching.json");
    expect(read.message).toBe("This CACAO 2.0 playbook cannot be used: 3 problems in its workflow or definitions. Nothing was imported.");
    expect(read.problems).toEqual([
      `/workflow/${stepId(fixture("branching.json"), "Collect at once")}/next_steps/1: refers to step action--00000000-0000-4000-8000-000000000000, which is not in the workflow`,
      `/workflow/${stepId(fixture("branching.json"), "Still running?")}/on_false: refers to step end--00000000-0000-4000-8000-000000000001, which is not in the workflow`,
      `/workflow/${stepId(fixture("branching.json"), "By severity")}/cases/default: refers to step action--00000000-0000-4000-8000-000000000002, which is not in the workflow`,
    ]);
  });

  it("no start step: workflow_start names nothing in the workflow", () => {
    const read = refusal((doc) => {
      doc.workflow_start = "start--00000000-0000-4000-8000-000000000000";
    });
    expect(read.problems).toContain(
      "/workflow_start: refers to step start--00000000-0000-4000-8000-000000000000, which is not in the workflow: the playbook has no start step",
    );
  });

  it("a step that loops back on itself, and a longer loop, without a while-condition", () => {
    const self = refusal((doc) => {
      const id = stepId(doc, "Ask the image owner");
      doc.workflow[id]!.on_completion = id;
    });
    expect(self.problems).toEqual([
      expect.stringMatching(/on_completion: points back at its own step "Ask the image owner" .*loop forever/),
    ]);
    const longer = refusal((doc) => {
      doc.workflow[stepId(doc, "[Containment] Block the digest at admission")]!.on_completion = stepId(
        doc,
        "[Detection & Analysis] Record the image digest",
      );
    });
    expect(longer.problems).toEqual([
      expect.stringMatching(
        /on_completion: goes back to step "\[Detection & Analysis\] Record the image digest" .*a loop of 3 steps without a while-condition/,
      ),
    ]);
  });

  it("accepts a loop through a while-condition (branching.json has one)", () => {
    expect(readCacaoDocument(JSON.stringify(fixture("branching.json"))).ok).toBe(true);
  });

  it("an invalid e-mail address in an agent's contact", () => {
    const read = refusal((doc) => {
      const owner = Object.values(doc.agent_definitions!).find((a) => a.type === "individual")!;
      owner.contact!.email!.work = "oncall@example.org;`rm -rf /`";
    });
    expect(read.problems).toEqual([
      expect.stringMatching(
        /^\/agent_definitions\/individual--[^/]+\/contact\/email\/work: "oncall@example.org;`rm -rf \/`" is not a valid e-mail address$/,
      ),
    ]);
  });

  it("an action whose agent is not defined", () => {
    const read = refusal((doc) => {
      doc.workflow[stepId(doc, "Ask the image owner")]!.agent = "individual--00000000-0000-4000-8000-000000000000";
    });
    expect(read.problems).toEqual([
      expect.stringMatching(
        /\/agent: refers to agent individual--00000000-0000-4000-8000-000000000000, which is not in agent_definitions$/,
      ),
    ]);
  });

  it("a workflow with nothing to import", () => {
    const read = refusal((doc) => {
      doc.workflow[doc.workflow_start]!.on_completion = Object.keys(doc.workflow).find((id) => id.startsWith("end--"));
    });
    expect(read.problems).toEqual(["/workflow: no action step can be reached from workflow_start: there are no steps to import"]);
  });

  it("an entry under a key the schema does not list, which a draft-07 reading of the schema lets through", () => {
    const read = refusal((doc) => {
      doc.workflow["my-step"] = { type: "action", name: 42 } as unknown as Doc["workflow"][string];
      doc.agent_definitions!["oncall"] = { type: "individual", name: "On call" };
    });
    expect(read.problems).toEqual([
      '/workflow/my-step: is not a key workflow allows: it must be an identifier "<type>--<UUID>" whose type is a workflow step type',
      '/agent_definitions/oncall: is not a key agent_definitions allows: it must be an identifier "<type>--<UUID>"',
    ]);
  });

  it("accepts agents of a type the schema does not list, as SOARCA defines them, whatever their shape", () => {
    const doc = fixture("manual-triage.json");
    const id = "soarca--00020001-1000-1000-a000-000100010001";
    doc.agent_definitions![id] = { type: "soarca", name: 7, contact: null } as unknown as CacaoAgent;
    doc.workflow[stepId(doc, "Ask the image owner")]!.agent = id;
    const read = readCacaoDocument(JSON.stringify(doc));
    expect(read.ok && read.playbook.steps[1]!.responsibleRole).toBeNull();
  });

  it("Bulkhead's extension with values Bulkhead does not know", () => {
    const read = refusal((doc) => {
      doc.workflow[stepId(doc, "Ask the image owner")]!.step_extensions = {
        [BULKHEAD_EXTENSION_ID]: { phase: "LUNCH", expected_minutes: -5 },
      };
    });
    expect(read.problems).toHaveLength(2);
    expect(read.problems[0]).toMatch(new RegExp(`/step_extensions/${BULKHEAD_EXTENSION_ID}/phase: Bulkhead extension: `));
    expect(read.problems[1]).toMatch(/\/expected_minutes: Bulkhead extension: /);
  });
});
