import { describe, expect, it } from "vitest";
import { allocate, allocateWithStats, type AllocationInput } from "./allocate";
import { explainAllocation } from "./explain";
import { feasibilityProblems, objectiveOf } from "./objective";

const school = (id: string, capacity: number, minimum?: number) => ({ id, capacity, ...(minimum === undefined ? {} : { minimum }) });
const question = (id: string, schoolId: string, capacity = 1, labId?: string) => ({ id, schoolId, capacity, ...(labId === undefined ? {} : { labId }) });
const student = (id: string, ...ranking: string[]) => ({ id, ranking });

/** Deep-freezes the input: allocate must not modify it. */
function frozen<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

const placements = (input: AllocationInput) =>
  Object.fromEntries(allocate(frozen(input)).assignments.map((a) => [a.studentId, a.questionId]));

describe("allocate: invalid input throws a Dutch message naming the item", () => {
  const valid = (): AllocationInput => ({
    students: [student("s1", "q1")],
    questions: [question("q1", "A", 1, "L1")],
    schools: [school("A", 1)],
    labs: [{ id: "L1", capacity: 1 }],
  });
  const cases: [string, (input: AllocationInput) => void, string][] = [
    ["unknown question in a ranking", (i) => i.students.push(student("s3", "q9")), 'Onbekende vraag "q9" in de rangorde van student "s3"'],
    ["question ranked twice", (i) => i.students.push(student("s2", "q1", "q1")), 'Student "s2" noemt vraag "q1" twee keer in de rangorde'],
    ["empty question id in a ranking", (i) => i.students.push(student("s2", "")), 'Lege vraag-id in de rangorde van student "s2" (positie 1)'],
    ["question of an unknown school", (i) => i.questions.push(question("q2", "Z")), 'Vraag "q2" hoort bij onbekende school "Z"'],
    ["question with an unknown lab", (i) => i.questions.push(question("q2", "A", 1, "L9")), 'Vraag "q2" gebruikt onbekend lab "L9"'],
    ["question with an empty lab id", (i) => i.questions.push(question("q2", "A", 1, "")), 'Vraag "q2" heeft een lege lab-id'],
    ["lab id without labs list", (i) => delete i.labs, 'Vraag "q1" gebruikt onbekend lab "L1"'],
    ["duplicate student", (i) => i.students.push(student("s1")), 'Dubbele student "s1"'],
    ["duplicate question", (i) => i.questions.push(question("q1", "A")), 'Dubbele vraag "q1"'],
    ["duplicate school", (i) => i.schools.push(school("A", 2)), 'Dubbele school "A"'],
    ["duplicate lab", (i) => i.labs!.push({ id: "L1", capacity: 2 }), 'Dubbel lab "L1"'],
    ["negative question capacity", (i) => (i.questions[0]!.capacity = -1), 'Capaciteit van vraag "q1" moet een geheel getal van 0 of meer zijn, niet -1'],
    ["fractional school capacity", (i) => (i.schools[0]!.capacity = 1.5), 'Capaciteit van school "A" moet een geheel getal van 0 of meer zijn, niet 1.5'],
    ["negative minimum", (i) => (i.schools[0]!.minimum = -2), 'Minimum van school "A" moet een geheel getal van 0 of meer zijn, niet -2'],
    ["NaN lab capacity", (i) => (i.labs![0]!.capacity = NaN), 'Capaciteit van lab "L1" moet een geheel getal van 0 of meer zijn, niet NaN'],
    ["infinite capacity", (i) => (i.questions[0]!.capacity = Infinity), 'Capaciteit van vraag "q1" moet een geheel getal van 0 of meer zijn, niet Infinity'],
    ["ranking that is not a list", (i) => ((i.students[0] as { ranking: unknown }).ranking = "q1"), 'De rangorde van student "s1" moet een lijst zijn'],
    ["empty student id", (i) => i.students.push(student("")), "Student op positie 2 heeft geen id"],
    ["empty question id", (i) => i.questions.push(question("", "A")), "Vraag op positie 2 heeft geen id"],
    ["empty school id", (i) => i.schools.push(school("", 1)), "School op positie 2 heeft geen id"],
    ["empty lab id", (i) => i.labs!.push({ id: "", capacity: 1 }), "Lab op positie 2 heeft geen id"],
  ];
  it.each(cases)("%s", (_name, mutate, message) => {
    const input = valid();
    mutate(input);
    expect(() => allocate(input)).toThrowError(new Error(message));
  });

  it("the valid base case itself passes", () => {
    expect(allocate(valid()).assignments).toEqual([{ studentId: "s1", questionId: "q1", rank: 1 }]);
  });

  it("a minimum above the capacity is allowed and counts as the capacity", () => {
    const input = { students: [student("s1", "q1")], questions: [question("q1", "A")], schools: [school("A", 1, 5)] };
    expect(allocate(input).assignments).toHaveLength(1);
    expect(objectiveOf(input, allocate(input).assignments).solidarity).toBe(1);
  });
});

describe("allocate: edge cases", () => {
  it("empty input", () => {
    expect(allocate({ students: [], questions: [], schools: [] })).toEqual({ assignments: [], unassigned: [], profile: [], explanations: {} });
  });

  it("students with empty rankings are unassigned with an explanation; profile is empty", () => {
    const result = allocate({ students: [student("s1"), student("s2")], questions: [question("q1", "A")], schools: [school("A", 1)] });
    expect(result.assignments).toEqual([]);
    expect(result.unassigned).toEqual(["s1", "s2"]);
    expect(result.profile).toEqual([]);
    expect(result.explanations.s1).toBe("Je hebt geen vragen gekozen, dus je bent niet geplaatst.");
  });

  it("capacity 0 everywhere: nobody placed, each explanation names the reason", () => {
    const input: AllocationInput = {
      students: [student("s1", "q1", "q2", "q3")],
      questions: [question("q1", "A", 0), question("q2", "B", 1), question("q3", "C", 1, "L")],
      schools: [school("A", 0), school("B", 0), school("C", 1)],
      labs: [{ id: "L", capacity: 0 }],
    };
    const result = allocate(input);
    expect(result.unassigned).toEqual(["s1"]);
    expect(result.profile).toEqual([0, 0, 0]);
    expect(result.explanations.s1).toBe(
      "Je bent niet geplaatst: geen van de vragen die je koos was nog beschikbaar (vraag q1 had geen plaatsen; vraag q2 hoort bij school B, die geen begeleidingsplaatsen heeft; vraag q3 gebruikt lab L, dat geen plaatsen heeft).",
    );
  });

  it("rankings longer than five: profile as long as the longest ranking", () => {
    const ids = Array.from({ length: 8 }, (_, i) => `q${i + 1}`);
    const input: AllocationInput = {
      students: [student("s1", ...ids), student("s2", ...ids), student("s3", "q1")],
      questions: ids.map((id) => question(id, "A", id === "q8" ? 1 : 0)).map((q) => (q.id === "q1" ? { ...q, capacity: 1 } : q)),
      schools: [school("A", 10)],
    };
    // Only q1 and q8 have a place, so two students are placed: one at rank 1, one at rank 8.
    const result = allocate(input);
    expect(result.profile).toEqual([1, 0, 0, 0, 0, 0, 0, 1]);
    expect(result.assignments).toHaveLength(2);
  });

  it("huge capacities are fine (clamped internally)", () => {
    const input = { students: [student("s1", "q1")], questions: [question("q1", "A", Number.MAX_SAFE_INTEGER)], schools: [school("A", 1e12, 1e12)] };
    expect(allocate(input).assignments).toEqual([{ studentId: "s1", questionId: "q1", rank: 1 }]);
  });

  it("does not modify its input", () => {
    const input = frozen({ students: [student("s1", "q1")], questions: [question("q1", "A")], schools: [school("A", 1)] });
    expect(() => allocate(input)).not.toThrow();
  });
});

describe("allocate: determinism", () => {
  const input: AllocationInput = {
    students: Array.from({ length: 12 }, (_, i) => student(`s${i}`, `q${i % 3}`, i % 2 ? "q3" : "q4", `q${(i + 1) % 3}`)),
    questions: [question("q0", "A"), question("q1", "A", 2), question("q2", "B"), question("q3", "B", 2, "L"), question("q4", "C", 3, "L")],
    schools: [school("A", 2, 1), school("B", 3, 2), school("C", 2)],
    labs: [{ id: "L", capacity: 3 }],
  };

  it("same input, same output", () => {
    expect(allocate(structuredClone(input))).toEqual(allocate(input));
  });

  it("order of questions, schools and labs does not matter", () => {
    const reordered = { ...input, questions: [...input.questions].reverse(), schools: [...input.schools].reverse() };
    expect(allocate(reordered)).toEqual(allocate(input));
  });

  it("reordering students may change who wins a tie, never the objective", () => {
    const reversed = { ...input, students: [...input.students].reverse() };
    expect(objectiveOf(reversed, allocate(reversed).assignments)).toEqual(objectiveOf(input, allocate(input).assignments));
  });
});

describe("allocate: worked examples", () => {
  it("more students placed beats more first choices", () => {
    // Anna and Bram both want q1 most. Bram has no alternative; Anna does.
    const input = {
      students: [student("anna", "q1", "q2"), student("bram", "q1")],
      questions: [question("q1", "A"), question("q2", "A")],
      schools: [school("A", 2)],
    };
    expect(placements(input)).toEqual({ bram: "q1", anna: "q2" });
    expect(allocate(input).explanations.anna).toBe(
      "Je bent geplaatst bij je 2e keuze (vraag q2 van school A): je 1e keuze (vraag q1) had meer gegadigden dan plaatsen.",
    );
  });

  it("more students placed beats solidarity", () => {
    // School B has a minimum of 1, but placing Bram there would leave Anna without a place.
    const input = {
      students: [student("anna", "qB"), student("bram", "qA", "qB")],
      questions: [question("qA", "A"), question("qB", "B")],
      schools: [school("A", 1), school("B", 1, 1)],
    };
    expect(placements(input)).toEqual({ anna: "qB", bram: "qA" });
  });

  it("solidarity beats the profile", () => {
    // Cas prefers the popular school A; school B needs one student (minimum 1).
    const input = {
      students: [student("cas", "qA", "qB")],
      questions: [question("qA", "A"), question("qB", "B")],
      schools: [school("A", 5), school("B", 5, 1)],
    };
    expect(placements(input)).toEqual({ cas: "qB" });
    expect(allocate(input).explanations.cas).toBe(
      "Je bent geplaatst bij je 2e keuze (vraag qB van school B): je 1e keuze (vraag qA) had nog plaats, maar jouw plaats telt mee voor het afgesproken minimum van school B.",
    );
  });

  it("solidarity counts places up to the minimum only", () => {
    // B's minimum is 1: the second student goes to A, her first choice.
    const input = {
      students: [student("d1", "qA", "qB"), student("d2", "qA", "qB")],
      questions: [question("qA", "A", 2), question("qB", "B", 2)],
      schools: [school("A", 5), school("B", 5, 1)],
    };
    expect(allocate(input).profile).toEqual([1, 1]);
  });

  it("greedy profile: one more first choice beats any number of second choices", () => {
    // Dirk can only use V, so V is his. Then either Anna takes X (her 1st) and
    // Bas and Chris drop to their 3rd choices: profile (2, 0, 2); or Anna takes
    // Y and Bas and Chris get their 2nd choices: (1, 3, 0). A smaller sum of
    // ranks (7 < 10) would pick the latter; the greedy profile picks the former.
    const input = {
      students: [student("dirk", "V"), student("anna", "X", "Y"), student("bas", "V", "Z", "W"), student("chris", "V", "X", "Z")],
      questions: ["V", "W", "X", "Y", "Z"].map((id) => question(id, "A")),
      schools: [school("A", 10)],
    };
    expect(placements(input)).toEqual({ dirk: "V", anna: "X", bas: "W", chris: "Z" });
    expect(allocate(input).profile).toEqual([2, 0, 2]);
  });

  it("a lab spread over two schools: the single lab seat goes where it does most good", () => {
    // Lab L has one seat, used by qA (school A) and qB (school B).
    // Giving it to fien (whose only choice is qB) places everyone.
    const input: AllocationInput = {
      students: [student("gijs", "qA", "qC"), student("fien", "qB")],
      questions: [question("qA", "A", 1, "L"), question("qB", "B", 1, "L"), question("qC", "A")],
      schools: [school("A", 2), school("B", 1)],
      labs: [{ id: "L", capacity: 1 }],
    };
    const { result, stats } = allocateWithStats(input);
    expect(placements(input)).toEqual({ fien: "qB", gijs: "qC" });
    expect(stats.branchNodes).toBeGreaterThan(0);
    expect(feasibilityProblems(input, result.assignments)).toEqual([]);
    expect(result.explanations.gijs).toBe(
      "Je bent geplaatst bij je 2e keuze (vraag qC van school A): je 1e keuze (vraag qA) gebruikt lab L, dat vol zat.",
    );
  });

  it("a full school is named in the explanation", () => {
    const input = {
      students: [student("h1", "qA1"), student("h2", "qA2", "qB")],
      questions: [question("qA1", "A"), question("qA2", "A"), question("qB", "B")],
      schools: [school("A", 1), school("B", 1)],
    };
    expect(allocate(input).explanations.h2).toBe(
      "Je bent geplaatst bij je 2e keuze (vraag qB van school B): je 1e keuze (vraag qA2) hoort bij school A, die geen begeleidingsplaatsen meer had.",
    );
  });

  it("several better choices are listed in one sentence", () => {
    const input = {
      students: [student("x", "q1"), student("y", "q2"), student("z", "q1", "q2", "q3")],
      questions: [question("q1", "A"), question("q2", "A"), question("q3", "A")],
      schools: [school("A", 3)],
    };
    expect(allocate(input).explanations.z).toBe(
      "Je bent geplaatst bij je 3e keuze (vraag q3 van school A): je 1e keuze (vraag q1) had meer gegadigden dan plaatsen en je 2e keuze (vraag q2) had meer gegadigden dan plaatsen.",
    );
  });
});

describe("explainAllocation with labels", () => {
  it("uses display names where given and ids elsewhere", () => {
    const input = {
      students: [student("s1", "q1", "q2"), student("s2", "q1")],
      questions: [question("q1", "A"), question("q2", "B")],
      schools: [school("A", 1), school("B", 1)],
    };
    const result = allocate(input);
    const sentences = explainAllocation(input, result.assignments, {
      questions: { q1: "Leesmotivatie in groep 5", q2: "Feedback in de bovenbouw" },
      schools: { B: "OBS De Klimop" },
    });
    expect(sentences.s1).toBe(
      "Je bent geplaatst bij je 2e keuze (vraag Feedback in de bovenbouw van school OBS De Klimop): je 1e keuze (vraag Leesmotivatie in groep 5) had meer gegadigden dan plaatsen.",
    );
    expect(sentences.s2).toBe("Je bent geplaatst bij je 1e keuze: vraag Leesmotivatie in groep 5 van school A.");
  });
});
