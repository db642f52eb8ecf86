import { explainModel } from "./explain";
import { solveWithLabs, type SearchOptions, type SearchStats } from "./lab-search";
import { AllocationNetwork } from "./network";
import { type AllocationInput, type AllocationResult } from "./types";
import { buildModel } from "./validate";

export type { AllocationInput, AllocationResult, Assignment } from "./types";
export type { SearchOptions, SearchStats } from "./lab-search";

/**
 * Matches students to research questions. Pure, synchronous, deterministic.
 *
 * Among all allocations that respect every capacity (question, school, lab)
 * and give students only questions they ranked, returns one that is best by,
 * in this order: (1) most students placed; (2) most solidarity places filled,
 * Σ over schools of min(placed there, minimum); (3) the greedy profile: most
 * first choices, then most second choices, and so on.
 *
 * - `profile` has the length of the longest ranking in the input (0 when no
 *   student ranked anything); profile[r-1] counts students placed at rank r.
 * - A school minimum above its capacity is allowed and counts as the capacity.
 * - Rankings may be empty and have any length.
 * - `assignments` and `unassigned` follow the input order of students.
 * - Ties between equally good allocations are broken by a fixed procedure that
 *   depends on the order of the students and of each ranking, never on the
 *   order of questions, schools or labs (those are sorted by id). It is not a
 *   lottery: to draw lots, shuffle the students with a seeded generator first.
 * - Invalid input throws an Error with a Dutch message naming the item.
 * - Running time: one min-cost flow unless a lab spread over several schools
 *   is over capacity in that flow; then an exact branch and bound runs, whose
 *   worst case is exponential (the problem is NP-hard). To cap the work, use
 *   allocateWithStats(input, { maxBranchNodes }).
 *
 * Method: min-cost flow with lexicographic costs; labs spread over several
 * schools by branch and bound (docs/decisions/0005-matching-engine.md).
 */
export function allocate(input: AllocationInput): AllocationResult {
  return allocateWithStats(input).result;
}

/**
 * allocate() plus counters of the search. `options.maxBranchNodes` bounds the
 * lab search (see lab-search.ts): the result is still exact, or an Error.
 */
export function allocateWithStats(input: AllocationInput, options: SearchOptions = {}): { result: AllocationResult; stats: SearchStats } {
  const model = buildModel(input);
  const network = new AllocationNetwork(model);
  const { solution, stats } = solveWithLabs(network, options);
  const assignment = solution.assignment;

  const profile = new Array<number>(model.maxRank).fill(0);
  const assignments: AllocationResult["assignments"] = [];
  const unassigned: string[] = [];
  model.studentIds.forEach((studentId, i) => {
    const q = assignment[i]!;
    if (q < 0) {
      unassigned.push(studentId);
      return;
    }
    const rank = model.rankings[i]!.indexOf(q) + 1;
    profile[rank - 1]!++;
    assignments.push({ studentId, questionId: model.questionIds[q]!, rank });
  });
  const explanations = explainModel(model, assignment);
  return { result: { assignments, unassigned, profile, explanations }, stats };
}
