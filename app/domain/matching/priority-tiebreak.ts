import { compareObjectives, feasibilityProblems, objectiveOf, objectiveVector } from "./objective";
import type { AllocationInput, Assignment } from "./types";

/**
 * The school's agenda priority as a tie-break only (issue 20). `allocate()`
 * finds an allocation that is best by the three levels of contract 6.10; among
 * allocations exactly as good, this prefers the one whose places sit at
 * questions the schools rank higher on their agenda.
 *
 * It never touches the 6.10 objective: it starts from allocate()'s result and
 * only accepts an exchange that is feasible and leaves the objective vector
 * exactly equal, while strictly lowering the priority cost. Each step lowers
 * an integer cost, so it ends. Exchanges: one student moves to another question
 * they ranked, and (if that needs room) one student at the same question or
 * school moves to another question they ranked, or out when the first was
 * unplaced. A local search: it may miss a better tie-break that needs a longer
 * chain, never the optimum itself (see the property test).
 */
export type Priorities = Readonly<Record<string, number>>;

/** Priority 1 = the school's most important question; 0 or missing = not on the agenda (costs most). */
function costOf(priority: number | undefined, worst: number): number {
  return priority && priority > 0 ? priority : worst + 1;
}

export function breakTiesByPriority(input: AllocationInput, assignments: readonly Assignment[], priorities: Priorities, maxSteps = 200): Assignment[] {
  const worst = Math.max(0, ...Object.values(priorities));
  const cost = (list: readonly Assignment[]) => list.reduce((sum, a) => sum + costOf(priorities[a.questionId], worst), 0);
  const target = objectiveVector(objectiveOf(input, assignments));
  const schoolOf = new Map(input.questions.map((q) => [q.id, q.schoolId]));
  const rankings = new Map(input.students.map((s) => [s.id, s.ranking]));
  let current = [...assignments];
  let currentCost = cost(current);

  const acceptable = (candidate: Assignment[]) =>
    cost(candidate) < currentCost &&
    feasibilityProblems(input, candidate).length === 0 &&
    compareObjectives(objectiveVector(objectiveOf(input, candidate)), target) === 0;

  for (let step = 0; step < maxSteps; step++) {
    const improved = findImprovement();
    if (!improved) break;
    current = improved;
    currentCost = cost(current);
  }
  // Keep the input order of students, as allocate() does.
  const order = new Map(input.students.map((s, i) => [s.id, i]));
  return current.sort((a, b) => order.get(a.studentId)! - order.get(b.studentId)!);

  function place(studentId: string, questionId: string): Assignment {
    return { studentId, questionId, rank: rankings.get(studentId)!.indexOf(questionId) + 1 };
  }

  function findImprovement(): Assignment[] | null {
    const byStudent = new Map(current.map((a) => [a.studentId, a]));
    for (const student of input.students) {
      const mine = byStudent.get(student.id);
      for (const questionId of student.ranking) {
        if (mine?.questionId === questionId || !schoolOf.has(questionId)) continue;
        const moved = current.filter((a) => a.studentId !== student.id);
        const alone = [...moved, place(student.id, questionId)];
        if (acceptable(alone)) return alone;
        // Make room: someone at the same question or school moves on (or out, if this student had no place).
        for (const other of moved) {
          if (other.questionId !== questionId && schoolOf.get(other.questionId) !== schoolOf.get(questionId)) continue;
          const rest = alone.filter((a) => a.studentId !== other.studentId);
          if (!mine && acceptable(rest)) return rest;
          for (const alternative of rankings.get(other.studentId)!) {
            if (alternative === other.questionId || !schoolOf.has(alternative)) continue;
            const candidate = [...rest, place(other.studentId, alternative)];
            if (acceptable(candidate)) return candidate;
          }
        }
      }
    }
    return null;
  }
}
