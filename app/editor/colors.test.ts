import { describe, expect, it } from "vitest";
import { colorOnPlan } from "./colors";

describe("colorOnPlan", () => {
  const team = ["user-daan", "user-lotte", "user-annelies"];

  it("gives every member of the team a different colour, the same on every visit", () => {
    const colours = team.map((id) => colorOnPlan(id, team));
    expect(new Set(colours).size).toBe(team.length);
    // Order of the membership list does not matter.
    expect(team.map((id) => colorOnPlan(id, [...team].reverse()))).toEqual(colours);
  });

  it("gives a visitor a colour that no member has", () => {
    const taken = new Set(team.map((id) => colorOnPlan(id, team)));
    for (const visitor of ["user-jeroen", "user-admin", "x", "another-visitor"]) expect(taken.has(colorOnPlan(visitor, team))).toBe(false);
  });

  it("still answers for a team larger than the palette", () => {
    const big = Array.from({ length: 12 }, (_, i) => `member-${i}`);
    expect(colorOnPlan("member-11", big)).toMatch(/^#[0-9a-f]{6}$/);
    expect(colorOnPlan("visitor", big)).toMatch(/^#[0-9a-f]{6}$/);
  });
});
