import { type AllocationNetwork, type Solution } from "./network";
import { compareObjectives } from "./objective";

export type SearchStats = {
  /** Flow problems solved (1 when no lab spanning several schools is over capacity). */
  flowSolves: number;
  /** Branch-and-bound nodes expanded (0 when the first flow was already lab-feasible). */
  branchNodes: number;
  /** Dijkstra phases of the first flow solve. */
  rootPhases: number;
};

export type SearchOptions = {
  /**
   * Give up (throw) after this many branch-and-bound nodes instead of running
   * on; deterministic, unlike a time limit. Default: no limit (exact always).
   */
  maxBranchNodes?: number;
};

/**
 * Open nodes beyond this many do not keep a flow state (a few hundred kB each
 * at 5,000 students); their children warm-start from the root's state instead.
 */
const MAX_STATES = 64;

type Node = { upper: Int32Array; lower: Int32Array; solution: Solution; seq: number };

/** Labs whose placements exceed their capacity in this solution, with the excess. */
function labExcess(network: AllocationNetwork, solution: Solution): { lab: number; excess: number }[] {
  const over: { lab: number; excess: number }[] = [];
  network.labPairs.forEach((pairs, lab) => {
    if (pairs.length < 2) return; // a single pair is bounded by the lab capacity itself
    let load = 0;
    for (const p of pairs) load += solution.pairLoad[p]!;
    const excess = load - network.model.labCap[lab]!;
    if (excess > 0) over.push({ lab, excess });
  });
  return over;
}

/**
 * Lower bounds only tighten the upper bounds of the other pairs of the same lab:
 * x_p ≤ cap − Σ_{q≠p} lower_q. False when the box is empty.
 */
function tighten(network: AllocationNetwork, lab: number, upper: Int32Array, lower: Int32Array): boolean {
  const pairs = network.labPairs[lab]!;
  const cap = network.model.labCap[lab]!;
  let sumLower = 0;
  for (const p of pairs) sumLower += lower[p]!;
  if (sumLower > cap) return false;
  for (const p of pairs) {
    upper[p] = Math.min(upper[p]!, cap - (sumLower - lower[p]!));
    if (upper[p]! < lower[p]!) return false;
  }
  return true;
}

function fits(loads: Int32Array, upper: Int32Array): boolean {
  for (let p = 0; p < loads.length; p++) if (loads[p]! > upper[p]!) return false;
  return true;
}

/** The over-full lab with the largest excess (first on ties). */
function worstLab(over: { lab: number; excess: number }[]): number {
  let best = over[0]!;
  for (const o of over) if (o.excess > best.excess) best = o;
  return best.lab;
}

/**
 * Exact optimum with lab capacities. The flow relaxation ignores only
 * "Σ_s x(s,ℓ) ≤ cap(ℓ)" for labs spread over several schools; if its optimum
 * respects every lab we are done. Otherwise best-first branch and bound on the
 * per-(school, lab) loads x(s,ℓ) with the flow as bound: a node is a box
 * lower ≤ x ≤ upper, the relaxation uses only the upper bounds (tightened by
 * the lower ones), and an over-full lab ℓ with a pair p where load > lower_p
 * branches into x_p ≤ load − 1 and x_p ≥ load. Boxes shrink strictly, so the
 * search ends; a node whose bound is not better than the incumbent is pruned.
 */
export function solveWithLabs(network: AllocationNetwork, options: SearchOptions = {}): { solution: Solution; stats: SearchStats } {
  const maxBranchNodes = options.maxBranchNodes ?? Infinity;
  const upper0 = network.rootBounds();
  const root = network.solve(upper0, { keepState: true });
  const stats: SearchStats = { flowSolves: 1, branchNodes: 0, rootPhases: network.phases };
  if (labExcess(network, root).length === 0) return { solution: root, stats };

  // No starting heuristic: best-first only expands nodes whose bound beats
  // the optimum, whatever the incumbent, and finds a feasible leaf on the way.
  let incumbent: Solution | null = null;
  const beatsIncumbent = (solution: Solution) => incumbent === null || compareObjectives(solution.objective, incumbent.objective) > 0;
  let seq = 0;
  const open: Node[] = [{ upper: upper0, lower: new Int32Array(upper0.length), solution: root, seq: seq++ }];
  // Best bound first; ties by creation order, for determinism.
  const better = (a: Node, b: Node) => {
    const c = compareObjectives(a.solution.objective, b.solution.objective);
    return c > 0 || (c === 0 && a.seq < b.seq);
  };
  const push = (node: Node) => {
    let i = open.length;
    open.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(open[i]!, open[parent]!)) break;
      [open[i], open[parent]] = [open[parent]!, open[i]!];
      i = parent;
    }
  };
  const pop = (): Node => {
    const top = open[0]!;
    const last = open.pop()!;
    if (open.length > 0) {
      open[0] = last;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= open.length) break;
        if (c + 1 < open.length && better(open[c + 1]!, open[c]!)) c++;
        if (!better(open[c]!, open[i]!)) break;
        [open[i], open[c]] = [open[c]!, open[i]!];
        i = c;
      }
    }
    return top;
  };

  while (open.length > 0) {
    const node = pop();
    if (!beatsIncumbent(node.solution)) continue;
    if (stats.branchNodes >= maxBranchNodes) {
      throw new Error(
        `De labcapaciteiten maken de verdeling te rekenintensief: na ${maxBranchNodes} zoekstappen is de beste verdeling nog niet bewezen. Verruim de labcapaciteit of verdeel de labvragen over minder scholen.`,
      );
    }
    stats.branchNodes++;
    const lab = worstLab(labExcess(network, node.solution));
    let pair = -1;
    for (const p of network.labPairs[lab]!) {
      const load = node.solution.pairLoad[p]!;
      if (load > node.lower[p]! && (pair < 0 || load > node.solution.pairLoad[pair]!)) pair = p;
    }
    const load = node.solution.pairLoad[pair]!;
    for (const side of ["down", "up"] as const) {
      const upper = node.upper.slice();
      const lower = node.lower.slice();
      if (side === "down") upper[pair] = load - 1;
      else lower[pair] = load;
      if (!tighten(network, lab, upper, lower)) continue;
      let solution = node.solution;
      if (!fits(solution.pairLoad, upper)) {
        solution = network.solve(upper, { warm: node.solution.state ? node.solution : root, keepState: open.length < MAX_STATES });
        stats.flowSolves++;
      }
      if (!beatsIncumbent(solution)) continue;
      if (labExcess(network, solution).length === 0) incumbent = solution;
      else push({ upper, lower, solution, seq: seq++ });
    }
  }
  // The box of the root contains every lab-feasible allocation (the empty one at least).
  if (incumbent === null) throw new Error("lab search ended without a feasible allocation");
  return { solution: incumbent, stats };
}
