import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, allocateWithStats, type AllocationInput } from "./allocate";
import { serialDictatorship } from "./baseline";
import { bruteForceObjective } from "./brute-force.test-helper";
import { AllocationNetwork } from "./network";
import { compareObjectives, feasibilityProblems, objectiveOf, objectiveVector } from "./objective";
import { buildModel } from "./validate";

/**
 * Property tests against exhaustive search. The seed is fixed so CI is
 * reproducible; fast-check prints seed, path and the shrunk instance on
 * failure. Explore other instances with MATCHING_SEED=<n> (and MATCHING_RUNS).
 */
const seed = Number(process.env.MATCHING_SEED ?? 20261201);
const runs = (n: number) => Number(process.env.MATCHING_RUNS ?? n);

type Range = readonly [min: number, max: number];
type Shape = {
  students: Range;
  questions: Range;
  schools: Range;
  labs: Range;
  ranking: Range;
  questionCap: Range;
  schoolCap: Range;
  labCap: Range;
  /** Chance-like setting for a school minimum (values up to capacity + 1, so sometimes above it). */
  minimums: "none" | "some" | "all";
  /** Which questions use a lab (when there are labs). */
  labUse: "some" | "all";
};

const int = ([min, max]: Range) => fc.integer({ min, max });

/** Unbiased (fast-check otherwise favours tiny arrays and values, which rarely compete for places). */
function instance(shape: Shape): fc.Arbitrary<AllocationInput> {
  return fc.noBias(
    fc
      .record({ schools: int(shape.schools), labs: int(shape.labs), questions: int(shape.questions) })
      .chain((n) =>
        fc.record({
          schools: fc.array(
            fc.record({
              capacity: int(shape.schoolCap),
              minimum:
                shape.minimums === "none"
                  ? fc.constant(undefined)
                  : shape.minimums === "all"
                    ? fc.integer({ min: 0, max: shape.schoolCap[1] + 1 })
                    : fc.option(fc.integer({ min: 0, max: shape.schoolCap[1] + 1 }), { nil: undefined }),
            }),
            { minLength: n.schools, maxLength: n.schools },
          ),
          labs: fc.array(int(shape.labCap), { minLength: n.labs, maxLength: n.labs }),
          questions: fc.array(
            fc.record({
              school: fc.nat(n.schools - 1),
              lab:
                n.labs === 0
                  ? fc.constant(undefined)
                  : shape.labUse === "all"
                    ? fc.nat(n.labs - 1)
                    : fc.option(fc.nat(n.labs - 1), { freq: 2, nil: undefined }),
              capacity: int(shape.questionCap),
            }),
            { minLength: n.questions, maxLength: n.questions },
          ),
          students: fc.array(
            fc.shuffledSubarray(
              Array.from({ length: n.questions }, (_, q) => q),
              { minLength: Math.min(shape.ranking[0], n.questions), maxLength: Math.min(shape.ranking[1], n.questions) },
            ),
            { minLength: shape.students[0], maxLength: shape.students[1] },
          ),
        }),
      )
      .map((raw) => ({
        schools: raw.schools.map((s, i) => ({ id: `S${i}`, capacity: s.capacity, ...(s.minimum === undefined ? {} : { minimum: s.minimum }) })),
        ...(raw.labs.length > 0 ? { labs: raw.labs.map((capacity, i) => ({ id: `L${i}`, capacity })) } : {}),
        questions: raw.questions.map((q, i) => ({
          id: `q${i}`,
          schoolId: `S${q.school}`,
          capacity: q.capacity,
          ...(q.lab === undefined ? {} : { labId: `L${q.lab}` }),
        })),
        students: raw.students.map((ranking, i) => ({ id: `s${i}`, ranking: ranking.map((q) => `q${q}`) })),
      })),
  );
}

/**
 * How often the interesting paths ran, so a weak generator cannot pass
 * silently. The thresholds sit below what the fixed seed gives (15 solidarity
 * conflicts, 13 and 48 branched searches); other seeds may need more runs.
 * MATCHING_COVERAGE=1 prints the counts.
 */
type Coverage = { instances: number; branched: number; solidarityMattered: number };

function checkAgainstBruteForce(input: AllocationInput, coverage?: Coverage): void {
  const { result, stats } = allocateWithStats(input);
  expect(feasibilityProblems(input, result.assignments)).toEqual([]);
  const own = objectiveOf(input, result.assignments);
  expect(result.profile).toEqual(own.profile);
  const best = bruteForceObjective(input);
  expect(objectiveVector(own)).toEqual(best);
  const placed = new Set(result.assignments.map((a) => a.studentId));
  expect(result.unassigned).toEqual(input.students.map((s) => s.id).filter((id) => !placed.has(id)));
  expect(Object.keys(result.explanations).sort()).toEqual(input.students.map((s) => s.id).sort());
  for (const sentence of Object.values(result.explanations)) {
    expect(sentence).toMatch(/^Je /);
    expect(sentence).not.toContain("paste niet in de verdeling"); // fallback: would mean a non-optimal or unexplained place
  }
  if (coverage) {
    coverage.instances++;
    if (stats.branchNodes > 0) coverage.branched++;
    // Would ignoring the minimums have cost solidarity places?
    const withoutMinimums = { ...input, schools: input.schools.map((s) => ({ id: s.id, capacity: s.capacity })) };
    if (objectiveOf(input, allocate(withoutMinimums).assignments).solidarity < own.solidarity) coverage.solidarityMattered++;
  }
}

function assertOptimal(shape: Shape, seedOffset: number, numRuns: number): Coverage {
  const coverage: Coverage = { instances: 0, branched: 0, solidarityMattered: 0 };
  fc.assert(
    fc.property(instance(shape), (input) => checkAgainstBruteForce(input, coverage)),
    { seed: seed + seedOffset, numRuns: runs(numRuns) },
  );
  if (process.env.MATCHING_COVERAGE) console.log(JSON.stringify(shape), coverage);
  return coverage;
}

const small: Shape = {
  students: [0, 7],
  questions: [1, 5],
  schools: [1, 3],
  labs: [0, 0],
  ranking: [0, 4],
  questionCap: [0, 2],
  schoolCap: [0, 3],
  labCap: [0, 3],
  minimums: "none",
  labUse: "some",
};

describe("allocate is optimal (exhaustive search on small instances)", () => {
  it("without labs or minimums", () => {
    assertOptimal(small, 0, 600);
  });

  it("with solidarity minimums (some above capacity) where places are scarce", () => {
    const shape: Shape = { ...small, students: [3, 7], questions: [3, 5], schools: [2, 3], ranking: [1, 4], questionCap: [1, 2], schoolCap: [1, 2], minimums: "all" };
    const coverage = assertOptimal(shape, 1, 800);
    expect(coverage.solidarityMattered).toBeGreaterThanOrEqual(10);
  });

  it("with labs spanning schools, and minimums", () => {
    const shape: Shape = { ...small, students: [3, 7], schools: [2, 3], labs: [1, 3], ranking: [1, 4], labCap: [0, 2], minimums: "some" };
    const coverage = assertOptimal(shape, 2, 1000);
    expect(coverage.branched).toBeGreaterThanOrEqual(10);
  });

  it("with tight labs: every question in a lab", () => {
    const shape: Shape = { ...small, students: [4, 7], schools: [2, 3], labs: [2, 3], ranking: [2, 4], questionCap: [1, 2], labCap: [0, 2], labUse: "all", minimums: "some" };
    const coverage = assertOptimal(shape, 3, 600);
    expect(coverage.branched).toBeGreaterThanOrEqual(30);
  });

  it("with many ties: few questions, many students, long rankings", () => {
    const shape: Shape = { ...small, students: [4, 8], questions: [2, 3], schools: [1, 2], labs: [0, 1], ranking: [1, 3], minimums: "some" };
    assertOptimal(shape, 4, 500);
  });
});

describe("allocate on medium instances", () => {
  const medium: Shape = {
    students: [0, 40],
    questions: [1, 15],
    schools: [1, 6],
    labs: [0, 3],
    ranking: [0, 5],
    questionCap: [0, 3],
    schoolCap: [0, 6],
    labCap: [0, 6],
    minimums: "some",
    labUse: "some",
  };

  it("is feasible, deterministic and never worse than serial dictatorship", () => {
    fc.assert(
      fc.property(instance(medium), fc.nat(1000), (input, lottery) => {
        const first = allocate(input);
        expect(feasibilityProblems(input, first.assignments)).toEqual([]);
        expect(allocate(structuredClone(input))).toEqual(first);
        const order = input.students.map((_, i) => i).sort((a, b) => ((a * 7919 + lottery) % 101) - ((b * 7919 + lottery) % 101) || a - b);
        const baseline = objectiveVector(objectiveOf(input, serialDictatorship(input, order)));
        expect(compareObjectives(objectiveVector(objectiveOf(input, first.assignments)), baseline)).toBeGreaterThanOrEqual(0);
      }),
      { seed: seed + 5, numRuns: runs(150) },
    );
  });

  it("does not depend on the order of questions, schools and labs", () => {
    fc.assert(
      fc.property(instance(medium), fc.nat(), (input, salt) => {
        const reorder = <T,>(list: T[]) => list.map((x, i) => ({ x, k: (i * 2654435761 + salt) % 4294967296 })).sort((a, b) => a.k - b.k).map((e) => e.x);
        const shuffled: AllocationInput = {
          students: input.students,
          questions: reorder(input.questions),
          schools: reorder(input.schools),
          ...(input.labs ? { labs: reorder(input.labs) } : {}),
        };
        expect(allocate(shuffled)).toEqual(allocate(input));
      }),
      { seed: seed + 6, numRuns: runs(100) },
    );
  });

  it("a lab inside one school needs no branching and equals the same lab as a question cap sum", () => {
    fc.assert(
      fc.property(instance({ ...medium, labs: [0, 0] }), fc.nat(4), (input, labCapacity) => {
        // Put every question of school S0 in one lab: exact by the network, no search.
        const withLab: AllocationInput = {
          ...input,
          labs: [{ id: "L", capacity: labCapacity }],
          questions: input.questions.map((q) => (q.schoolId === "S0" ? { ...q, labId: "L" } : q)),
        };
        // The same constraint written as a lower school capacity.
        const asSchool: AllocationInput = {
          ...input,
          schools: input.schools.map((s) => (s.id === "S0" ? { ...s, capacity: Math.min(s.capacity, labCapacity) } : s)),
        };
        const { result, stats } = allocateWithStats(withLab);
        expect(stats.branchNodes).toBe(0);
        expect(stats.flowSolves).toBe(1);
        const a = objectiveOf(withLab, result.assignments);
        const b = objectiveOf(asSchool, allocate(asSchool).assignments);
        expect([a.placed, ...a.profile]).toEqual([b.placed, ...b.profile]);
      }),
      { seed: seed + 7, numRuns: runs(100) },
    );
  });

  it("a warm-started relaxation (lowered lab bounds) equals a cold solve", () => {
    const withLabs: Shape = { ...medium, students: [10, 40], schools: [2, 6], labs: [1, 3], labCap: [1, 8] };
    fc.assert(
      fc.property(instance(withLabs), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (input, cuts) => {
        const warmNetwork = new AllocationNetwork(buildModel(input));
        const upper = warmNetwork.rootBounds();
        if (upper.length === 0) return;
        let previous = warmNetwork.solve(upper, { keepState: true });
        for (const cut of cuts) {
          const p = cut % upper.length;
          upper[p] = Math.max(0, Math.min(upper[p]!, previous.pairLoad[p]!) - 1 - (cut % 2));
          const warm = warmNetwork.solve(upper, { warm: previous, keepState: true });
          const cold = new AllocationNetwork(buildModel(input)).solve(upper);
          expect(warm.objective).toEqual(cold.objective);
          previous = warm;
        }
      }),
      { seed: seed + 8, numRuns: runs(150) },
    );
  });
});
