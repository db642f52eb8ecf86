import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, type AllocationInput } from "./allocate";
import { feasibilityProblems, objectiveOf, objectiveVector } from "./objective";
import { breakTiesByPriority, type Priorities } from "./priority-tiebreak";

describe("the school's agenda priority breaks ties only", () => {
  it("gives the contested place to the question the school ranks higher when the 6.10 outcome is equal", () => {
    // Two students want q1 first; the other seats are q2 (priority 1) and q3 (priority 3) at the same school.
    const input: AllocationInput = {
      students: [
        { id: "a", ranking: ["q1", "q3"] },
        { id: "b", ranking: ["q1", "q2"] },
      ],
      questions: [
        { id: "q1", schoolId: "S", capacity: 1 },
        { id: "q2", schoolId: "S", capacity: 1 },
        { id: "q3", schoolId: "S", capacity: 1 },
      ],
      schools: [{ id: "S", capacity: 5 }],
    };
    const priorities: Priorities = { q1: 2, q2: 1, q3: 3 };
    const before = allocate(input).assignments;
    const after = breakTiesByPriority(input, before, priorities);
    expect(objectiveVector(objectiveOf(input, after))).toEqual(objectiveVector(objectiveOf(input, before)));
    expect(after.map((x) => x.questionId).sort()).toEqual(["q1", "q2"]);
  });

  it("never changes the contract 6.10 objective and never breaks a capacity (property, fixed seed)", () => {
    const instance = fc
      .record({ schools: fc.integer({ min: 1, max: 3 }), questions: fc.integer({ min: 1, max: 6 }), students: fc.integer({ min: 0, max: 8 }) })
      .chain((n) =>
        fc.record({
          schools: fc.array(fc.record({ capacity: fc.integer({ min: 0, max: 4 }), minimum: fc.integer({ min: 0, max: 3 }) }), { minLength: n.schools, maxLength: n.schools }),
          questions: fc.array(fc.record({ school: fc.nat(n.schools - 1), capacity: fc.integer({ min: 0, max: 3 }), priority: fc.integer({ min: 0, max: 6 }) }), {
            minLength: n.questions,
            maxLength: n.questions,
          }),
          students: fc.array(fc.shuffledSubarray(Array.from({ length: n.questions }, (_, q) => q), { minLength: 0, maxLength: Math.min(3, n.questions) }), {
            minLength: n.students,
            maxLength: n.students,
          }),
        }),
      );
    fc.assert(
      fc.property(instance, (raw) => {
        const input: AllocationInput = {
          schools: raw.schools.map((s, i) => ({ id: `S${i}`, ...s })),
          questions: raw.questions.map((q, i) => ({ id: `q${i}`, schoolId: `S${q.school}`, capacity: q.capacity })),
          students: raw.students.map((r, i) => ({ id: `s${i}`, ranking: r.map((q) => `q${q}`) })),
        };
        const priorities = Object.fromEntries(raw.questions.map((q, i) => [`q${i}`, q.priority]));
        const optimum = allocate(input).assignments;
        const tieBroken = breakTiesByPriority(input, optimum, priorities);
        expect(feasibilityProblems(input, tieBroken)).toEqual([]);
        expect(objectiveVector(objectiveOf(input, tieBroken))).toEqual(objectiveVector(objectiveOf(input, optimum)));
        expect(tieBroken.every((a) => input.students.find((s) => s.id === a.studentId)!.ranking[a.rank - 1] === a.questionId)).toBe(true);
      }),
      { seed: 20261207, numRuns: 400 },
    );
  });
});
