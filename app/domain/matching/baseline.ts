import { type AllocationInput, type Assignment } from "./types";
import { buildModel } from "./validate";

/**
 * Serial dictatorship, the usual hand-made baseline: students in the given
 * order (e.g. a seeded lottery) each take their best-ranked question that
 * still has a question, school and lab place. `order` lists student indices;
 * by default the input order.
 */
export function serialDictatorship(input: AllocationInput, order?: readonly number[]): Assignment[] {
  const model = buildModel(input);
  const questionLeft = model.questionCap.slice();
  const schoolLeft = model.schoolCap.slice();
  const labLeft = model.labCap.slice();
  const assignments: Assignment[] = [];
  for (const i of order ?? model.studentIds.map((_, k) => k)) {
    const ranking = model.rankings[i]!;
    for (let r = 0; r < ranking.length; r++) {
      const q = ranking[r]!;
      const s = model.questionSchool[q]!;
      const lab = model.questionLab[q]!;
      if (questionLeft[q]! > 0 && schoolLeft[s]! > 0 && (lab < 0 || labLeft[lab]! > 0)) {
        questionLeft[q]!--;
        schoolLeft[s]!--;
        if (lab >= 0) labLeft[lab]!--;
        assignments.push({ studentId: model.studentIds[i]!, questionId: model.questionIds[q]!, rank: r + 1 });
        break;
      }
    }
  }
  return assignments;
}
