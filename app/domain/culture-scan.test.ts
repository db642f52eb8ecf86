import { describe, expect, it } from "vitest";
import {
  ASPECTS,
  averageAgreedPhases,
  parsePhase,
  PRIVACY_THRESHOLD,
  respondentCount,
  summariseAspect,
  summariseScan,
  trendPerAspect,
  type AspectSummary,
} from "./culture-scan";

describe("the aspects", () => {
  it("has eight aspects with a description for each of the four phases", () => {
    expect(ASPECTS).toHaveLength(8);
    for (const aspect of ASPECTS) {
      expect(Object.keys(aspect.phases)).toEqual(["1", "2", "3", "4"]);
      for (const text of Object.values(aspect.phases)) expect(text.length).toBeGreaterThan(20);
    }
    expect(new Set(ASPECTS.map((a) => a.id)).size).toBe(8);
  });
});

describe("summariseAspect: spread", () => {
  const rows: { phases: number[]; distribution: number[]; mean: number; min: number; max: number; stdDev: number }[] = [
    { phases: [2, 2, 2], distribution: [0, 3, 0, 0], mean: 2, min: 2, max: 2, stdDev: 0 },
    { phases: [1, 2, 3, 4], distribution: [1, 1, 1, 1], mean: 2.5, min: 1, max: 4, stdDev: 1.12 },
    { phases: [1, 1, 4, 4], distribution: [2, 0, 0, 2], mean: 2.5, min: 1, max: 4, stdDev: 1.5 },
    { phases: [3, 3, 3, 4, 2], distribution: [0, 1, 3, 1], mean: 3, min: 2, max: 4, stdDev: 0.63 },
  ];
  for (const row of rows) {
    it(`${row.phases.join(",")} → mean ${row.mean}, ${row.min}–${row.max}, sd ${row.stdDev}`, () => {
      const s = summariseAspect("open-leercultuur", row.phases);
      expect(s.detailed).toBe(true);
      expect(s.distribution).toEqual(row.distribution);
      expect(s.mean).toBe(row.mean);
      expect(s.min).toBe(row.min);
      expect(s.max).toBe(row.max);
      expect(s.stdDev).toBe(row.stdDev);
      expect(s.respondents).toBe(row.phases.length);
    });
  }

  it("the same mean can hide a very different spread (why the spread is shown)", () => {
    expect(summariseAspect("x", [1, 1, 4, 4]).mean).toBe(summariseAspect("x", [2, 3, 2, 3]).mean);
    expect(summariseAspect("x", [1, 1, 4, 4]).stdDev).toBeGreaterThan(summariseAspect("x", [2, 3, 2, 3]).stdDev!);
  });

  it("ignores values that are not a phase", () => {
    expect(summariseAspect("x", [0, 5, 7, 2, 2, 3]).respondents).toBe(3);
  });
});

describe("summariseAspect: privacy threshold", () => {
  const rows: { phases: number[]; agreed: number | null; detailed: boolean }[] = [
    { phases: [], agreed: null, detailed: false },
    { phases: [4], agreed: 3, detailed: false },
    { phases: [1, 4], agreed: 2, detailed: false },
    { phases: [1, 4, 2], agreed: 2, detailed: true },
  ];
  for (const row of rows) {
    it(`${row.phases.length} respondent(s) → ${row.detailed ? "spread shown" : "only the agreed phase"}`, () => {
      const s = summariseAspect("x", row.phases, row.agreed);
      expect(s.detailed).toBe(row.detailed);
      expect(s.agreedPhase).toBe(row.agreed);
      if (!row.detailed) {
        expect(s).toMatchObject({ distribution: null, mean: null, min: null, max: null, stdDev: null });
      } else {
        expect(s.distribution).not.toBeNull();
      }
    });
  }

  it("the threshold is three", () => {
    expect(PRIVACY_THRESHOLD).toBe(3);
  });
});

describe("summariseScan", () => {
  it("summarises every aspect and counts respondents once", () => {
    const answers = ["a", "b", "c"].flatMap((r, i) => ASPECTS.map((x) => ({ respondentKey: r, aspectId: x.id, phase: 1 + i })));
    const summaries = summariseScan(answers, { "open-leercultuur": 3 });
    expect(summaries).toHaveLength(8);
    expect(summaries.every((s) => s.respondents === 3 && s.mean === 2)).toBe(true);
    expect(summaries.find((s) => s.aspectId === "open-leercultuur")!.agreedPhase).toBe(3);
    expect(respondentCount(answers)).toBe(3);
  });
});

describe("trendPerAspect", () => {
  const summary = (aspectId: string, phases: number[], agreed: number | null): AspectSummary => summariseAspect(aspectId, phases, agreed);
  const rows: { label: string; scans: { schoolYear: string; phases: number[]; agreed: number | null }[]; expected: (number | null)[] }[] = [
    {
      label: "agreed phases when recorded",
      scans: [
        { schoolYear: "2026-2027", phases: [3, 3, 4], agreed: 3 },
        { schoolYear: "2025-2026", phases: [1, 2, 2], agreed: 2 },
      ],
      expected: [2, 3],
    },
    {
      label: "the mean when nothing was agreed",
      scans: [
        { schoolYear: "2025-2026", phases: [1, 2, 2], agreed: 2 },
        { schoolYear: "2026-2027", phases: [2, 3, 4], agreed: null },
      ],
      expected: [2, 3],
    },
    {
      label: "nothing below the threshold without an agreement",
      scans: [
        { schoolYear: "2025-2026", phases: [1, 2], agreed: null },
        { schoolYear: "2026-2027", phases: [3, 4], agreed: 4 },
      ],
      expected: [null, 4],
    },
  ];
  for (const row of rows) {
    it(row.label, () => {
      const trend = trendPerAspect(
        row.scans.map((s) => ({ schoolYear: s.schoolYear, summaries: [summary("reflectieve-dialoog", s.phases, s.agreed)] })),
      );
      expect(trend["reflectieve-dialoog"]!.map((p) => p.value)).toEqual(row.expected);
      expect(trend["reflectieve-dialoog"]!.map((p) => p.schoolYear)).toEqual(["2025-2026", "2026-2027"]);
      expect(trend["open-leercultuur"]!.every((p) => p.value === null)).toBe(true);
    });
  }
});

describe("averageAgreedPhases and parsePhase", () => {
  it("averages agreed phases across schools per aspect", () => {
    const avg = averageAgreedPhases([
      { aspectId: "open-leercultuur", agreedPhase: 2 },
      { aspectId: "open-leercultuur", agreedPhase: 3 },
      { aspectId: "tijd-en-facilitering", agreedPhase: 1 },
    ]);
    expect(avg["open-leercultuur"]).toBe(2.5);
    expect(avg["tijd-en-facilitering"]).toBe(1);
    expect(avg["reflectieve-dialoog"]).toBeNull();
  });

  it.each([
    ["1", 1],
    ["4", 4],
    ["7", null],
    ["0", null],
    ["2.5", null],
    ["", null],
    [undefined, null],
  ])("parsePhase(%s) → %s", (input, expected) => {
    expect(parsePhase(input)).toBe(expected);
  });
});
