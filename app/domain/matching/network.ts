import { LexMinCostFlow, type FlowState } from "./min-cost-flow";
import { modelObjective, type Objective } from "./objective";
import { type Model } from "./validate";

/** One relaxation optimum. */
export type Solution = {
  /** Question index per student, -1 when unplaced. */
  assignment: Int32Array;
  objective: Objective;
  /** Placements per (school, lab) pair, see AllocationNetwork. */
  pairLoad: Int32Array;
  /** Flow state to warm-start tighter relaxations from (kept only on request). */
  state?: FlowState;
};

/**
 * The flow network of the allocation problem:
 *
 *   source →(1)→ student →(1, rank cost)→ question →(question cap)→ [pair] → school
 *   school →(minimum, cost 0)→ sink    school →(capacity − minimum, cost e₀)→ sink
 *
 * Cost vectors are (normal seat, rank > 1, rank > 2, …). The number placed is
 * the flow value, maximised first; for a fixed flow value, minimising the
 * number of non-solidarity seats maximises the solidarity filled, and
 * minimising (#rank>1, #rank>2, …) maximises the profile lexicographically.
 *
 * Labs: a lab whose schools have all their questions in that lab is "coarse"
 * and sits exactly between its schools and the sink (school → lab → sink).
 * Any other lab ℓ gets one "pair" node per school s it touches
 * (question → (s, ℓ) → school), whose arc to the school carries an upper bound
 * that the branch and bound in lab-search.ts sets. A lab touching one school
 * is then exact; a lab spread over several schools may be exceeded by the flow
 * (Σ pair flows ≤ lab capacity is not a flow constraint) and is branched on.
 */
export class AllocationNetwork {
  readonly model: Model;
  /** Lab and school of each pair. */
  readonly pairLab: Int32Array;
  readonly pairSchool: Int32Array;
  /** Pair indices per lab (empty for coarse labs and labs without questions). */
  readonly labPairs: number[][];
  private readonly flow: LexMinCostFlow;
  private readonly pairArc: Int32Array;
  private readonly source = 0;
  private readonly sink = 1;
  /** Flat list of student → question arcs. */
  private readonly choiceArc: Int32Array;
  private readonly choiceStudent: Int32Array;
  private readonly choiceQuestion: Int32Array;
  private readonly activeStudents: number;
  /** Dijkstra phases of the last solve. */
  phases = 0;

  constructor(model: Model) {
    this.model = model;
    const nStudents = model.studentIds.length;
    const nQuestions = model.questionIds.length;
    const nSchools = model.schoolIds.length;
    const nLabs = model.labIds.length;

    // Which questions can ever be used: capacity everywhere along the way.
    const usable = new Uint8Array(nQuestions);
    for (let q = 0; q < nQuestions; q++) {
      const lab = model.questionLab[q]!;
      usable[q] = model.questionCap[q]! > 0 && model.schoolCap[model.questionSchool[q]!]! > 0 && (lab < 0 || model.labCap[lab]! > 0) ? 1 : 0;
    }

    // Classify labs: coarse when every usable question of every school it touches is in it.
    const labOfSchool = new Int32Array(nSchools).fill(-2); // -2 none yet, -1 mixed/no lab
    for (let q = 0; q < nQuestions; q++) {
      if (!usable[q]) continue;
      const s = model.questionSchool[q]!;
      const lab = model.questionLab[q]!;
      const seen = labOfSchool[s]!;
      labOfSchool[s] = seen === -2 || seen === lab ? lab : -1;
    }
    const coarse = new Uint8Array(nLabs).fill(1);
    for (let q = 0; q < nQuestions; q++) {
      const lab = model.questionLab[q]!;
      if (usable[q] && lab >= 0 && labOfSchool[model.questionSchool[q]!] !== lab) coarse[lab] = 0;
    }

    // Pairs (school, lab) for the other labs, ordered by lab then school.
    const pairKey = new Map<number, number>();
    const pairLab: number[] = [];
    const pairSchool: number[] = [];
    const keys: number[] = [];
    for (let q = 0; q < nQuestions; q++) {
      const lab = model.questionLab[q]!;
      if (usable[q] && lab >= 0 && !coarse[lab]) keys.push(lab * nSchools + model.questionSchool[q]!);
    }
    for (const key of [...new Set(keys)].sort((a, b) => a - b)) {
      pairKey.set(key, pairLab.length);
      pairLab.push(Math.floor(key / nSchools));
      pairSchool.push(key % nSchools);
    }
    this.pairLab = Int32Array.from(pairLab);
    this.pairSchool = Int32Array.from(pairSchool);
    this.labPairs = Array.from({ length: nLabs }, () => [] as number[]);
    pairLab.forEach((lab, p) => this.labPairs[lab]!.push(p));

    // Node numbering.
    const studentNode = 2;
    const questionNode = studentNode + nStudents;
    const pairNode = questionNode + nQuestions;
    const schoolNode = pairNode + pairLab.length;
    const labNode = schoolNode + nSchools;
    const nodeCount = labNode + nLabs;
    const dim = Math.max(1, model.maxRank);
    const flow = new LexMinCostFlow(nodeCount, dim);

    const choiceArc: number[] = [];
    const choiceStudent: number[] = [];
    const choiceQuestion: number[] = [];
    let active = 0;
    for (let i = 0; i < nStudents; i++) {
      const ranking = model.rankings[i]!;
      let any = false;
      for (let r = 0; r < ranking.length; r++) {
        if (usable[ranking[r]!]) any = true;
      }
      if (!any) continue;
      active++;
      flow.addArc(this.source, studentNode + i, 1, 0, 0);
      for (let r = 0; r < ranking.length; r++) {
        const q = ranking[r]!;
        if (!usable[q]) continue;
        choiceArc.push(flow.addArc(studentNode + i, questionNode + q, 1, 0, r));
        choiceStudent.push(i);
        choiceQuestion.push(q);
      }
    }
    for (let q = 0; q < nQuestions; q++) {
      if (!usable[q]) continue;
      const lab = model.questionLab[q]!;
      const s = model.questionSchool[q]!;
      const target = lab >= 0 && !coarse[lab] ? pairNode + pairKey.get(lab * nSchools + s)! : schoolNode + s;
      flow.addArc(questionNode + q, target, model.questionCap[q]!, 0, 0);
    }
    const pairArc = new Int32Array(pairLab.length);
    for (let p = 0; p < pairLab.length; p++) {
      pairArc[p] = flow.addArc(pairNode + p, schoolNode + pairSchool[p]!, model.labCap[pairLab[p]!]!, 0, 0);
    }
    for (let s = 0; s < nSchools; s++) {
      const lab = labOfSchool[s]!;
      const target = lab >= 0 && coarse[lab] ? labNode + lab : this.sink;
      const minimum = model.schoolMin[s]!;
      const rest = model.schoolCap[s]! - minimum;
      if (minimum > 0) flow.addArc(schoolNode + s, target, minimum, 0, 0);
      if (rest > 0) flow.addArc(schoolNode + s, target, rest, 1, 0);
    }
    for (let l = 0; l < nLabs; l++) {
      if (coarse[l]) flow.addArc(labNode + l, this.sink, model.labCap[l]!, 0, 0);
    }

    this.flow = flow;
    this.pairArc = pairArc;
    this.choiceArc = Int32Array.from(choiceArc);
    this.choiceStudent = Int32Array.from(choiceStudent);
    this.choiceQuestion = Int32Array.from(choiceQuestion);
    this.activeStudents = active;
  }

  /** Initial pair bounds: the lab capacity (never binding on its own). */
  rootBounds(): Int32Array {
    return Int32Array.from(this.pairLab, (lab) => this.model.labCap[lab]!);
  }

  /**
   * Optimum of the relaxation with the given upper bound per pair. With `warm`,
   * a solution whose bounds were all at least these, it re-optimises from that
   * solution's state (whose flow value is an upper bound, so reaching it ends
   * the search without a last failing Dijkstra); otherwise it solves from scratch.
   */
  solve(pairBound: Int32Array, options: { warm?: Solution; keepState?: boolean } = {}): Solution {
    for (let p = 0; p < this.pairArc.length; p++) this.flow.setCapacity(this.pairArc[p]!, pairBound[p]!);
    const warm = options.warm;
    if (warm?.state) this.flow.solveFrom(warm.state, this.source, this.sink, warm.objective[0]!);
    else this.flow.solve(this.source, this.sink, this.activeStudents);
    this.phases = this.flow.phases;
    const assignment = new Int32Array(this.model.studentIds.length).fill(-1);
    for (let c = 0; c < this.choiceArc.length; c++) {
      if (this.flow.flow(this.choiceArc[c]!) > 0) assignment[this.choiceStudent[c]!] = this.choiceQuestion[c]!;
    }
    const pairLoad = new Int32Array(this.pairArc.length);
    for (let p = 0; p < this.pairArc.length; p++) pairLoad[p] = this.flow.flow(this.pairArc[p]!);
    const solution: Solution = { assignment, objective: modelObjective(this.model, assignment), pairLoad };
    if (options.keepState) solution.state = this.flow.saveState();
    return solution;
  }
}
