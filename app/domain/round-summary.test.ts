import { describe, expect, it } from "vitest";
import { isRoundLocked, summariseRound } from "./round-summary";

describe("round summary", () => {
  it("counts places per school and lab, placements per rank and the reasons students are left out", () => {
    const summary = summariseRound({
      schools: [
        { id: "s1", name: "De Regenboog", capacity: 2, minimum: 1, shortageTenths: 25 },
        { id: "s2", name: "Het Baken", capacity: 0, minimum: 0, shortageTenths: null },
      ],
      labs: [{ id: "l1", name: "Lab Taal", seats: 3 }],
      questions: [
        { id: "q1", schoolId: "s1", capacity: 1, labId: "l1" },
        { id: "q2", schoolId: "s1", capacity: 1, labId: null },
        { id: "q3", schoolId: "s2", capacity: 2, labId: null },
      ],
      students: [
        { id: "a", ranking: ["q1", "q2"], questionId: "q1", rank: 1 },
        { id: "b", ranking: ["q1", "q2"], questionId: "q2", rank: 2 },
        { id: "c", ranking: ["q1"], questionId: null, rank: null },
        { id: "d", ranking: ["q3"], questionId: null, rank: null },
        { id: "e", ranking: [], questionId: null, rank: null },
      ],
      maxRank: 5,
    });
    expect(summary).toMatchObject({ students: 5, placed: 2, unplaced: 3, byRank: [1, 1, 0, 0, 0] });
    expect(summary.unplacedBy).toEqual({ noChoices: 1, noSupervision: 1, full: 1 });
    expect(summary.schools[0]).toMatchObject({ placed: 2, wanted: 3, minimumMet: true, shortageTenths: 25 });
    expect(summary.schools[1]).toMatchObject({ placed: 0, wanted: 1, minimumMet: true });
    expect(summary.labs[0]).toMatchObject({ seats: 3, placed: 1 });
  });

  it("locks a round once it is published or closed", () => {
    expect(isRoundLocked("open")).toBe(false);
    expect(isRoundLocked("berekend")).toBe(false);
    expect(isRoundLocked("gepubliceerd")).toBe(true);
    expect(isRoundLocked("gesloten")).toBe(true);
  });
});
