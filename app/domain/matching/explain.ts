import { type AllocationInput, type Assignment } from "./types";
import { buildModel, type Model } from "./validate";

/** Optional display names; ids are used where a label is missing. */
export type ExplanationLabels = {
  questions?: Record<string, string>;
  schools?: Record<string, string>;
  labs?: Record<string, string>;
};

function label(labels: Record<string, string> | undefined, id: string): string {
  return labels !== undefined && Object.hasOwn(labels, id) ? labels[id]! : id;
}

function joinDutch(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} en ${parts[parts.length - 1]!}`;
}

/**
 * One Dutch sentence per student, derived from the final allocation only, so
 * every claim ("zat vol", "had geen plaatsen") is true of that allocation.
 *
 * Why a better choice q' was not given: in an optimal allocation moving the
 * student to q' must be impossible or make things worse, so at least one of
 * these holds (checked in this order): q' is full, its school is full (and is
 * another school), its lab is full (and is another lab), or the move would take
 * a place away from the solidarity minimum of the student's school (and q''s
 * school is already at its minimum). An unplaced student's choices are each
 * blocked by a full question, school or lab. The fallback wording is never
 * expected; tests check that it does not appear.
 */
export function explainModel(model: Model, assignment: Int32Array, labels: ExplanationLabels = {}): Record<string, string> {
  const questionCount = new Int32Array(model.questionIds.length);
  const schoolCount = new Int32Array(model.schoolIds.length);
  const labCount = new Int32Array(model.labIds.length);
  for (const q of assignment) {
    if (q < 0) continue;
    questionCount[q]!++;
    schoolCount[model.questionSchool[q]!]!++;
    const lab = model.questionLab[q]!;
    if (lab >= 0) labCount[lab]!++;
  }
  const questionName = (q: number) => `vraag ${label(labels.questions, model.questionIds[q]!)}`;
  const schoolName = (s: number) => `school ${label(labels.schools, model.schoolIds[s]!)}`;
  const labName = (l: number) => `lab ${label(labels.labs, model.labIds[l]!)}`;

  /** Why question q is closed to this student, or null; `current` = the question the student has (-1: none). */
  const blocked = (q: number, current: number): string | null => {
    const cap = model.questionCap[q]!;
    if (cap === 0) return "had geen plaatsen";
    if (questionCount[q]! >= cap) return "had meer gegadigden dan plaatsen";
    const s = model.questionSchool[q]!;
    const currentSchool = current >= 0 ? model.questionSchool[current]! : -1;
    if (s !== currentSchool && schoolCount[s]! >= model.schoolCap[s]!) {
      return model.schoolCap[s] === 0 ? `hoort bij ${schoolName(s)}, die geen begeleidingsplaatsen heeft` : `hoort bij ${schoolName(s)}, die geen begeleidingsplaatsen meer had`;
    }
    const lab = model.questionLab[q]!;
    const currentLab = current >= 0 ? model.questionLab[current]! : -1;
    if (lab >= 0 && lab !== currentLab && labCount[lab]! >= model.labCap[lab]!) {
      return model.labCap[lab] === 0 ? `gebruikt ${labName(lab)}, dat geen plaatsen heeft` : `gebruikt ${labName(lab)}, dat vol zat`;
    }
    return null;
  };

  const explanations: Record<string, string> = {};
  model.studentIds.forEach((studentId, i) => {
    const ranking = model.rankings[i]!;
    const q = assignment[i]!;
    let sentence: string;
    if (ranking.length === 0) {
      sentence = "Je hebt geen vragen gekozen, dus je bent niet geplaatst.";
    } else if (q < 0) {
      const reasons = Array.from(ranking, (choice) => `${questionName(choice)} ${blocked(choice, -1) ?? "paste niet in de verdeling"}`);
      sentence =
        ranking.length === 1
          ? `Je bent niet geplaatst: de enige vraag die je koos was niet beschikbaar (${reasons[0]!}).`
          : `Je bent niet geplaatst: geen van de vragen die je koos was nog beschikbaar (${reasons.join("; ")}).`;
    } else {
      const rank = ranking.indexOf(q) + 1;
      const place = `${questionName(q)} van ${schoolName(model.questionSchool[q]!)}`;
      if (rank === 1) {
        sentence = `Je bent geplaatst bij je 1e keuze: ${place}.`;
      } else {
        const school = model.questionSchool[q]!;
        const reasons: string[] = [];
        for (let r = 0; r < rank - 1; r++) {
          const choice = ranking[r]!;
          const why = blocked(choice, q);
          const choiceSchool = model.questionSchool[choice]!;
          if (why !== null) {
            reasons.push(`je ${r + 1}e keuze (${questionName(choice)}) ${why}`);
          } else if (
            choiceSchool !== school &&
            schoolCount[school]! <= model.schoolMin[school]! &&
            schoolCount[choiceSchool]! >= model.schoolMin[choiceSchool]!
          ) {
            reasons.push(
              `je ${r + 1}e keuze (${questionName(choice)}) had nog plaats, maar jouw plaats telt mee voor het afgesproken minimum van ${schoolName(school)}`,
            );
          } else {
            reasons.push(`je ${r + 1}e keuze (${questionName(choice)}) paste niet in de verdeling`);
          }
        }
        sentence = `Je bent geplaatst bij je ${rank}e keuze (${place}): ${joinDutch(reasons)}.`;
      }
    }
    explanations[studentId] = sentence;
  });
  return explanations;
}

/**
 * Explanations for an allocation of `input` with display names, e.g. to show
 * question titles instead of ids. Throws like allocate() on invalid input.
 */
export function explainAllocation(
  input: AllocationInput,
  assignments: readonly Assignment[],
  labels: ExplanationLabels = {},
): Record<string, string> {
  const model = buildModel(input);
  const questionIndex = new Map(model.questionIds.map((id, q) => [id, q]));
  const studentIndex = new Map(model.studentIds.map((id, i) => [id, i]));
  const assignment = new Int32Array(model.studentIds.length).fill(-1);
  for (const a of assignments) {
    const i = studentIndex.get(a.studentId);
    const q = questionIndex.get(a.questionId);
    if (i === undefined || q === undefined) throw new Error(`Onbekende plaatsing: student "${a.studentId}", vraag "${a.questionId}"`);
    assignment[i] = q;
  }
  return explainModel(model, assignment, labels);
}
