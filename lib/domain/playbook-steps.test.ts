import { describe, expect, it } from "vitest";
import {
  moveStep,
  orderSteps,
  placeholderProblemMessage,
  placeholderProblems,
  renumber,
  type OrderedStep,
} from "@/lib/domain/playbook-steps";

const steps: OrderedStep[] = [
  { id: "review", phase: "POST_INCIDENT", position: 1 },
  { id: "isolate", phase: "CONTAINMENT", position: 3 },
  { id: "preserve", phase: "DETECTION_ANALYSIS", position: 7 },
  { id: "scale", phase: "CONTAINMENT", position: 5 },
];

describe("step order", () => {
  it("orders by phase, then position, and renumbers 1..n", () => {
    expect(orderSteps(steps).map((s) => s.id)).toEqual(["preserve", "isolate", "scale", "review"]);
    expect(renumber(steps)).toEqual([
      { id: "preserve", position: 1 },
      { id: "isolate", position: 2 },
      { id: "scale", position: 3 },
      { id: "review", position: 4 },
    ]);
  });

  it("moves a step within its phase and refuses to cross into another phase", () => {
    const down = moveStep(steps, "isolate", "down");
    expect(down.ok && down.order.map((s) => s.id)).toEqual(["preserve", "scale", "isolate", "review"]);
    const up = moveStep(steps, "isolate", "up");
    expect(up).toEqual({ ok: false, message: expect.stringContaining("already the first of its phase") });
    expect(moveStep(steps, "review", "down")).toMatchObject({ ok: false });
    expect(moveStep(steps, "gone", "up")).toMatchObject({ ok: false, message: expect.stringContaining("reload") });
  });
});

describe("placeholder problems", () => {
  it("names each step with its unknown placeholders and lists the allowed ones", () => {
    const problems = placeholderProblems([
      { title: "Preserve {{pod}}", instructions: "kubectl get pod {{pod}} -n {{namespace}}", evidenceExpected: null },
      { title: "Isolate", instructions: "kubectl cordon {{host}} {{ }}", evidenceExpected: "policy for {{ns}}" },
    ]);
    expect(problems).toEqual([{ step: "Isolate", names: ["host", "", "ns"] }]);
    const message = placeholderProblemMessage(problems);
    expect(message).toContain('"Isolate": {{host}}, {{}}, {{ns}}');
    expect(message).toContain("{{cluster}}, {{namespace}}");
    expect(message).toContain("{{secondary_owner}}");
  });
});
