import { type AllocationInput } from "./types";

/**
 * The input checked and turned into dense indices. Questions, schools and labs
 * are sorted by id (UTF-16 code units, locale-free), so the order in which a
 * caller lists them never changes the result; students keep their input order.
 * Capacities are clamped to the number of students (a larger value can never
 * bind) and a school's minimum to its capacity.
 */
export type Model = {
  studentIds: readonly string[];
  /** rankings[i][r] = index of the question student i ranked at rank r + 1. */
  rankings: readonly Int32Array[];
  questionIds: readonly string[];
  questionSchool: Int32Array;
  /** -1 when the question uses no lab. */
  questionLab: Int32Array;
  questionCap: Int32Array;
  schoolIds: readonly string[];
  schoolCap: Int32Array;
  /** min(minimum, capacity): a minimum above the capacity can never be met further. */
  schoolMin: Int32Array;
  labIds: readonly string[];
  labCap: Int32Array;
  /** Length of the longest ranking = length of the profile. */
  maxRank: number;
};

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function fail(message: string): never {
  throw new Error(message);
}

function checkId(id: unknown, what: string, position: number): string {
  if (typeof id !== "string" || id.length === 0) fail(`${what} op positie ${position} heeft geen id`);
  return id;
}

function checkCount(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    fail(`${what} moet een geheel getal van 0 of meer zijn, niet ${String(value)}`);
  }
  return value;
}

function checkList(value: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(`${what} moet een lijst zijn`);
  return value;
}

/** Index of each id after sorting; throws on a duplicate, naming it. */
function indexIds(ids: string[], duplicate: (id: string) => string): { sorted: string[]; index: Map<string, number> } {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) fail(duplicate(id));
    seen.add(id);
  }
  const sorted = [...ids].sort(byCodeUnits);
  return { sorted, index: new Map(sorted.map((id, i) => [id, i])) };
}

/** Validates the input (Dutch messages naming the offending item) and builds the model. */
export function buildModel(input: AllocationInput): Model {
  if (typeof input !== "object" || input === null) fail("Ongeldige invoer: verwacht een object");
  const students = checkList(input.students, "Ongeldige invoer: students") as AllocationInput["students"];
  const questions = checkList(input.questions, "Ongeldige invoer: questions") as AllocationInput["questions"];
  const schools = checkList(input.schools, "Ongeldige invoer: schools") as AllocationInput["schools"];
  const labs = (input.labs === undefined ? [] : checkList(input.labs, "Ongeldige invoer: labs")) as NonNullable<AllocationInput["labs"]>;
  const n = students.length;

  const schoolIndex = indexIds(
    schools.map((s, i) => checkId(s?.id, "School", i + 1)),
    (id) => `Dubbele school "${id}"`,
  );
  const labIndex = indexIds(
    labs.map((l, i) => checkId(l?.id, "Lab", i + 1)),
    (id) => `Dubbel lab "${id}"`,
  );
  const questionIndex = indexIds(
    questions.map((q, i) => checkId(q?.id, "Vraag", i + 1)),
    (id) => `Dubbele vraag "${id}"`,
  );
  const studentIds = students.map((s, i) => checkId(s?.id, "Student", i + 1));
  indexIds(studentIds, (id) => `Dubbele student "${id}"`);

  const schoolCap = new Int32Array(schools.length);
  const schoolMin = new Int32Array(schools.length);
  for (const school of schools) {
    const i = schoolIndex.index.get(school.id)!;
    const capacity = checkCount(school.capacity, `Capaciteit van school "${school.id}"`);
    const minimum = school.minimum === undefined ? 0 : checkCount(school.minimum, `Minimum van school "${school.id}"`);
    schoolCap[i] = Math.min(capacity, n);
    schoolMin[i] = Math.min(minimum, schoolCap[i]!);
  }

  const labCap = new Int32Array(labs.length);
  for (const lab of labs) {
    labCap[labIndex.index.get(lab.id)!] = Math.min(checkCount(lab.capacity, `Capaciteit van lab "${lab.id}"`), n);
  }

  const questionSchool = new Int32Array(questions.length);
  const questionLab = new Int32Array(questions.length);
  const questionCap = new Int32Array(questions.length);
  for (const question of questions) {
    const i = questionIndex.index.get(question.id)!;
    const school = schoolIndex.index.get(question.schoolId);
    if (school === undefined) fail(`Vraag "${question.id}" hoort bij onbekende school "${String(question.schoolId)}"`);
    questionSchool[i] = school;
    if (question.labId === undefined) {
      questionLab[i] = -1;
    } else {
      if (typeof question.labId !== "string" || question.labId.length === 0) fail(`Vraag "${question.id}" heeft een lege lab-id`);
      const lab = labIndex.index.get(question.labId);
      if (lab === undefined) fail(`Vraag "${question.id}" gebruikt onbekend lab "${question.labId}"`);
      questionLab[i] = lab;
    }
    questionCap[i] = Math.min(checkCount(question.capacity, `Capaciteit van vraag "${question.id}"`), n);
  }

  let maxRank = 0;
  const rankings = students.map((student) => {
    const ranking = checkList(student.ranking, `De rangorde van student "${student.id}"`);
    const indices = new Int32Array(ranking.length);
    const seen = new Set<number>();
    ranking.forEach((questionId, r) => {
      if (typeof questionId !== "string" || questionId.length === 0) {
        fail(`Lege vraag-id in de rangorde van student "${student.id}" (positie ${r + 1})`);
      }
      const q = questionIndex.index.get(questionId);
      if (q === undefined) fail(`Onbekende vraag "${questionId}" in de rangorde van student "${student.id}"`);
      if (seen.has(q)) fail(`Student "${student.id}" noemt vraag "${questionId}" twee keer in de rangorde`);
      seen.add(q);
      indices[r] = q;
    });
    maxRank = Math.max(maxRank, ranking.length);
    return indices;
  });

  return {
    studentIds,
    rankings,
    questionIds: questionIndex.sorted,
    questionSchool,
    questionLab,
    questionCap,
    schoolIds: schoolIndex.sorted,
    schoolCap,
    schoolMin,
    labIds: labIndex.sorted,
    labCap,
    maxRank,
  };
}
