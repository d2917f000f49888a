import type { CacaoStep } from "@/lib/cacao/types";

/** One step pointing at another: `via` is the property that does it, as a JSON pointer tail. */
export type StepEdge = { to: string; via: string };

/**
 * The step references of a workflow step, in the order the import walks them: a condition's
 * branches first (on_true, on_false, switch cases in document order), a parallel step's branches
 * in listed order, then what follows the step (on_success, on_completion) and last on_failure.
 */
export function edgesOf(step: CacaoStep): StepEdge[] {
  const edges: StepEdge[] = [];
  const add = (to: unknown, via: string) => {
    if (typeof to === "string") edges.push({ to, via });
  };
  add(step.on_true, "on_true");
  add(step.on_false, "on_false");
  if (step.cases && typeof step.cases === "object")
    for (const [key, to] of Object.entries(step.cases)) add(to, `cases/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
  if (Array.isArray(step.next_steps)) step.next_steps.forEach((to, i) => add(to, `next_steps/${i}`));
  add(step.on_success, "on_success");
  add(step.on_completion, "on_completion");
  add(step.on_failure, "on_failure");
  return edges;
}

export type WalkResult = {
  /** Reachable steps in depth-first preorder from the start. */
  preorder: string[];
  /** Edges that close a cycle (they point at a step still on the depth-first path), with that cycle. */
  backEdges: { from: string; edge: StepEdge; cycle: string[] }[];
};

/**
 * Depth-first walk from `start` over existing steps (references to missing steps are skipped; the
 * semantic checks report them). Iterative, so a long chain cannot overflow the stack.
 */
export function walkWorkflow(workflow: Record<string, CacaoStep>, start: string): WalkResult {
  const preorder: string[] = [];
  const backEdges: WalkResult["backEdges"] = [];
  const state = new Map<string, "open" | "done">();
  if (!workflow[start]) return { preorder, backEdges };
  const path: { id: string; edges: StepEdge[]; next: number }[] = [];
  const enter = (id: string) => {
    state.set(id, "open");
    preorder.push(id);
    path.push({ id, edges: edgesOf(workflow[id]!), next: 0 });
  };
  enter(start);
  while (path.length) {
    const frame = path[path.length - 1]!;
    const edge = frame.edges[frame.next++];
    if (!edge) {
      state.set(frame.id, "done");
      path.pop();
      continue;
    }
    if (!Object.hasOwn(workflow, edge.to)) continue;
    const seen = state.get(edge.to);
    if (seen === "open") {
      const from = path.findIndex((f) => f.id === edge.to);
      backEdges.push({ from: frame.id, edge, cycle: path.slice(from).map((f) => f.id) });
    } else if (!seen) enter(edge.to);
  }
  return { preorder, backEdges };
}

/**
 * The reachable steps in an order a person can follow: every step after all the steps that lead to
 * it (loop-closing edges aside), ties broken by depth-first order. A parallel step's branches thus
 * come one after another, each whole, and the step where they join comes after all of them.
 */
export function workflowOrder(workflow: Record<string, CacaoStep>, walk: WalkResult): string[] {
  const rank = new Map(walk.preorder.map((id, i) => [id, i]));
  const closing = new Set(walk.backEdges.map((b) => `${b.from}\n${b.edge.via}`));
  const incoming = new Map<string, number>(walk.preorder.map((id) => [id, 0]));
  const successors = new Map<string, string[]>();
  for (const id of walk.preorder) {
    const next = edgesOf(workflow[id]!)
      .filter((e) => rank.has(e.to) && !closing.has(`${id}\n${e.via}`))
      .map((e) => e.to);
    const unique = [...new Set(next)];
    successors.set(id, unique);
    for (const to of unique) incoming.set(to, incoming.get(to)! + 1);
  }
  const ready = walk.preorder.filter((id) => incoming.get(id) === 0);
  const order: string[] = [];
  while (ready.length) {
    ready.sort((a, b) => rank.get(a)! - rank.get(b)!);
    const id = ready.shift()!;
    order.push(id);
    for (const to of successors.get(id)!) {
      const left = incoming.get(to)! - 1;
      incoming.set(to, left);
      if (left === 0) ready.push(to);
    }
  }
  return order;
}
