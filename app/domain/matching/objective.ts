import { type AllocationInput, type Assignment } from "./types";
import { type Model } from "./validate";

/**
 * The objective as one vector, compared lexicographically, larger is better:
 * [placed, solidarity filled, placed at rank 1, placed at rank 2, …].
 */
export type Objective = number[];

/** Lexicographic comparison: > 0 when a is better than b. */
export function compareObjectives(a: readonly number[], b: readonly number[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Objective of an assignment given as question index per student (-1 = none). */
export function modelObjective(model: Model, assignment: Int32Array): Objective {
  const profile = new Array<number>(model.maxRank).fill(0);
  const perSchool = new Int32Array(model.schoolIds.length);
  let placed = 0;
  for (let i = 0; i < assignment.length; i++) {
    const q = assignment[i]!;
    if (q < 0) continue;
    placed++;
    perSchool[model.questionSchool[q]!]!++;
    const rank = model.rankings[i]!.indexOf(q);
    profile[rank]!++;
  }
  let solidarity = 0;
  for (let s = 0; s < perSchool.length; s++) solidarity += Math.min(perSchool[s]!, model.schoolMin[s]!);
  return [placed, solidarity, ...profile];
}

export type ObjectiveSummary = { placed: number; solidarity: number; profile: number[] };

/**
 * Objective of any allocation of the public input (e.g. a baseline), with the
 * profile as long as the longest ranking. Assumes valid input and assignments.
 */
export function objectiveOf(input: AllocationInput, assignments: readonly Assignment[]): ObjectiveSummary {
  const maxRank = input.students.reduce((m, s) => Math.max(m, s.ranking.length), 0);
  const profile = new Array<number>(maxRank).fill(0);
  const schoolOf = new Map(input.questions.map((q) => [q.id, q.schoolId]));
  const perSchool = new Map<string, number>();
  for (const a of assignments) {
    profile[a.rank - 1] = (profile[a.rank - 1] ?? 0) + 1;
    const school = schoolOf.get(a.questionId) ?? "";
    perSchool.set(school, (perSchool.get(school) ?? 0) + 1);
  }
  let solidarity = 0;
  for (const s of input.schools) solidarity += Math.min(perSchool.get(s.id) ?? 0, s.minimum ?? 0, s.capacity);
  return { placed: assignments.length, solidarity, profile };
}

export function objectiveVector(summary: ObjectiveSummary): Objective {
  return [summary.placed, summary.solidarity, ...summary.profile];
}

/**
 * What is wrong with an allocation of the input (empty when it is feasible):
 * capacities exceeded, unranked questions, students placed twice. English,
 * for tests and benchmarks.
 */
export function feasibilityProblems(input: AllocationInput, assignments: readonly Assignment[]): string[] {
  const problems: string[] = [];
  const questions = new Map(input.questions.map((q) => [q.id, q]));
  const students = new Map(input.students.map((s) => [s.id, s]));
  const used = { question: new Map<string, number>(), school: new Map<string, number>(), lab: new Map<string, number>() };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const seen = new Set<string>();
  for (const a of assignments) {
    if (seen.has(a.studentId)) problems.push(`student ${a.studentId} placed twice`);
    seen.add(a.studentId);
    const student = students.get(a.studentId);
    const question = questions.get(a.questionId);
    if (!student || !question) {
      problems.push(`unknown student or question in ${JSON.stringify(a)}`);
      continue;
    }
    if (student.ranking.indexOf(a.questionId) !== a.rank - 1) problems.push(`wrong rank in ${JSON.stringify(a)}`);
    bump(used.question, question.id);
    bump(used.school, question.schoolId);
    if (question.labId !== undefined) bump(used.lab, question.labId);
  }
  for (const q of input.questions) if ((used.question.get(q.id) ?? 0) > q.capacity) problems.push(`question ${q.id} over capacity`);
  for (const s of input.schools) if ((used.school.get(s.id) ?? 0) > s.capacity) problems.push(`school ${s.id} over capacity`);
  for (const l of input.labs ?? []) if ((used.lab.get(l.id) ?? 0) > l.capacity) problems.push(`lab ${l.id} over capacity`);
  return problems;
}
