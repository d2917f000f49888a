import { describe, expect, it } from "vitest";
import { diffPlaybookSteps, instructionSimilarity, type DiffableStep } from "@/lib/domain/playbook-diff";

let n = 0;
function step(title: string, over: Partial<DiffableStep> = {}): DiffableStep {
  n += 1;
  return {
    id: `s${n}`,
    position: n,
    phase: "CONTAINMENT",
    title,
    instructions: `Do ${title}.\nCheck ${title}.\nRecord ${title}.`,
    responsibleRole: "SECURITY_LEAD",
    evidenceExpected: null,
    expectedMinutes: 10,
    ...over,
  };
}

/** The same step as a new draft copies it: a new row id, same content. */
const copy = (s: DiffableStep, over: Partial<DiffableStep> = {}): DiffableStep => ({ ...s, id: `${s.id}-copy`, ...over });

describe("diffPlaybookSteps", () => {
  it("reports identical versions as all unchanged", () => {
    const a = [step("Preserve"), step("Isolate")];
    const diff = diffPlaybookSteps(
      a,
      a.map((s) => copy(s)),
    );
    expect(diff.steps.map((s) => s.kind)).toEqual(["unchanged", "unchanged"]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 0, moved: 0, unchanged: 2 });
  });

  it("finds added and removed steps and shows a removed one where it stood", () => {
    const preserve = step("Preserve");
    const isolate = step("Isolate");
    const rotate = step("Rotate token");
    const rebuild = step("Rebuild", { position: 10 });
    const diff = diffPlaybookSteps([preserve, isolate, rotate], [copy(preserve), copy(rotate, { position: 3 }), rebuild]);
    expect(diff.steps.map((s) => [s.kind, s.kind === "added" || s.kind === "removed" ? s.step.title : s.to.title])).toEqual([
      ["unchanged", "Preserve"],
      ["removed", "Isolate"],
      ["unchanged", "Rotate token"],
      ["added", "Rebuild"],
    ]);
    expect(diff.summary).toMatchObject({ added: 1, removed: 1, unchanged: 2, moved: 0 });
  });

  it("lists changed fields and a line diff of the instructions", () => {
    const a = step("Scale down", { instructions: "kubectl scale deploy/{{workload}} --replicas=0\nTell the owner." });
    const b = copy(a, {
      expectedMinutes: 5,
      responsibleRole: "DEVOPS_PRIMARY",
      instructions: "kubectl scale deploy/{{workload}} -n {{namespace}} --replicas=0\nTell the owner.",
    });
    const [only] = diffPlaybookSteps([a], [b]).steps;
    expect(only?.kind).toBe("changed");
    if (only?.kind !== "changed") return;
    expect(only.fields).toEqual([
      { field: "responsibleRole", from: "SECURITY_LEAD", to: "DEVOPS_PRIMARY" },
      { field: "expectedMinutes", from: 10, to: 5 },
    ]);
    expect(only.instructions).toEqual([
      { kind: "removed", text: "kubectl scale deploy/{{workload}} --replicas=0" },
      { kind: "added", text: "kubectl scale deploy/{{workload}} -n {{namespace}} --replicas=0" },
      { kind: "unchanged", text: "Tell the owner." },
    ]);
    expect(only.moved).toBe(false);
  });

  it("recognises a renamed step by its instructions, within its phase", () => {
    const a = step("Isolate the pod", { instructions: "one\ntwo\nthree\nfour\nfive" });
    const renamed = copy(a, { title: "Quarantine the pod with a NetworkPolicy", instructions: "one\ntwo\nthree\nfour\nsix" });
    const [only] = diffPlaybookSteps([a], [renamed]).steps;
    expect(only?.kind).toBe("changed");
    if (only?.kind !== "changed") return;
    expect(only.fields).toEqual([{ field: "title", from: "Isolate the pod", to: "Quarantine the pod with a NetworkPolicy" }]);

    const elsewhere = copy(a, { title: "Something else", phase: "RECOVERY" });
    expect(diffPlaybookSteps([a], [elsewhere]).steps.map((s) => s.kind)).toEqual(["removed", "added"]);
  });

  it("does not pair unrelated steps that merely share a position", () => {
    const a = step("Old", { instructions: "alpha\nbeta" });
    const b = step("New", { instructions: "gamma\ndelta", position: a.position });
    expect(diffPlaybookSteps([a], [b]).summary).toMatchObject({ added: 1, removed: 1, changed: 0 });
  });

  it("marks only the step that was reordered as moved, not the ones an insert shifted", () => {
    const [a, b, c, d] = [step("A"), step("B"), step("C"), step("D")];
    const reordered = [copy(a!, { position: 1 }), copy(c!, { position: 2 }), copy(d!, { position: 3 }), copy(b!, { position: 4 })];
    const diff = diffPlaybookSteps([a!, b!, c!, d!], reordered);
    const moved = diff.steps.filter((s) => s.kind === "changed" && s.moved).map((s) => (s.kind === "changed" ? s.to.title : ""));
    expect(moved).toEqual(["B"]);
    expect(diff.summary.moved).toBe(1);

    const inserted = [copy(a!, { position: 1 }), step("New", { position: 2, instructions: "x" }), copy(b!, { position: 3 })];
    expect(diffPlaybookSteps([a!, b!], inserted).summary).toMatchObject({ moved: 0, added: 1, unchanged: 2 });
  });

  it("orders steps by phase before position, as the library shows them", () => {
    const late = step("Review", { phase: "POST_INCIDENT", position: 1 });
    const early = step("Preserve", { phase: "DETECTION_ANALYSIS", position: 2 });
    const diff = diffPlaybookSteps([], [late, early]);
    expect(diff.steps.map((s) => (s.kind === "added" ? s.step.title : ""))).toEqual(["Preserve", "Review"]);
  });

  it("folds long unchanged stretches of instructions", () => {
    const body = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const a = step("Long", { instructions: body.join("\n") });
    const b = copy(a, { instructions: [...body.slice(0, 10), "inserted", ...body.slice(10)].join("\n") });
    const [only] = diffPlaybookSteps([a], [b], 2).steps;
    if (only?.kind !== "changed") throw new Error("expected a change");
    expect(only.instructions).toEqual([
      { kind: "skipped", count: 8 },
      { kind: "unchanged", text: "line 8" },
      { kind: "unchanged", text: "line 9" },
      { kind: "added", text: "inserted" },
      { kind: "unchanged", text: "line 10" },
      { kind: "unchanged", text: "line 11" },
      { kind: "skipped", count: 8 },
    ]);
  });
});

describe("instructionSimilarity", () => {
  it("is 1 for equal texts and 0 for disjoint ones", () => {
    expect(instructionSimilarity("a\nb", "a\nb")).toBe(1);
    expect(instructionSimilarity("a\nb", "c\nd")).toBe(0);
    expect(instructionSimilarity("a\nb\nc\nd", "a\nb\nc\ne")).toBe(0.75);
  });
});
