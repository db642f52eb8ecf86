import { objectiveOf, objectiveVector, compareObjectives } from "./objective";
import { type AllocationInput, type Assignment } from "./types";

/**
 * Reference optimum by exhaustive search: every student either gets nothing or
 * one ranked question with a place left (question, school, lab), every such
 * combination is scored, the lexicographically best objective is kept.
 * Deliberately naive; only for small instances (≈ (longest ranking + 1)^students leaves).
 */
export function bruteForceObjective(input: AllocationInput): number[] {
  const questions = new Map(input.questions.map((q) => [q.id, q]));
  const left = new Map<string, number>();
  const key = (kind: string, id: string) => `${kind}:${id}`;
  for (const q of input.questions) left.set(key("q", q.id), q.capacity);
  for (const s of input.schools) left.set(key("s", s.id), s.capacity);
  for (const l of input.labs ?? []) left.set(key("l", l.id), l.capacity);

  let best: number[] | null = null;
  const chosen: Assignment[] = [];
  const visit = (i: number) => {
    if (i === input.students.length) {
      const value = objectiveVector(objectiveOf(input, chosen));
      if (best === null || compareObjectives(value, best) > 0) best = value;
      return;
    }
    const student = input.students[i]!;
    visit(i + 1); // unplaced
    student.ranking.forEach((questionId, r) => {
      const q = questions.get(questionId)!;
      const keys = [key("q", q.id), key("s", q.schoolId), ...(q.labId === undefined ? [] : [key("l", q.labId)])];
      if (keys.some((k) => left.get(k)! <= 0)) return;
      for (const k of keys) left.set(k, left.get(k)! - 1);
      chosen.push({ studentId: student.id, questionId, rank: r + 1 });
      visit(i + 1);
      chosen.pop();
      for (const k of keys) left.set(k, left.get(k)! + 1);
    });
  };
  visit(0);
  return best!;
}
