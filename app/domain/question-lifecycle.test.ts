import { describe, expect, it } from "vitest";
import {
  QUESTION_STATUSES,
  TRANSITIONS,
  availableTransitions,
  checkTransition,
  type QuestionStatus,
  type TransitionActor,
} from "./question-lifecycle";

const ACTORS: TransitionActor[] = ["school", "programme", "system"];

// The complete table of allowed moves: [from, to, who may]. Anything not here is forbidden.
const ALLOWED: [QuestionStatus, QuestionStatus, TransitionActor[]][] = [
  ["concept", "ingediend", ["school"]],
  ["concept", "gearchiveerd", ["school"]],
  ["ingediend", "concept", ["school"]],
  ["ingediend", "open", ["programme"]],
  ["ingediend", "teruggestuurd", ["programme"]],
  ["teruggestuurd", "ingediend", ["school"]],
  ["teruggestuurd", "concept", ["school"]],
  ["teruggestuurd", "gearchiveerd", ["school"]],
  ["open", "gematcht", ["programme", "system"]],
  ["open", "teruggestuurd", ["programme"]],
  ["open", "concept", ["school"]],
  ["gematcht", "open", ["programme", "system"]],
  ["gematcht", "in_uitvoering", ["programme", "system"]],
  ["in_uitvoering", "afgerond", ["school", "programme"]],
  ["afgerond", "geimplementeerd", ["school"]],
  ["afgerond", "gearchiveerd", ["school"]],
  ["geimplementeerd", "gearchiveerd", ["school"]],
  ["gearchiveerd", "concept", ["school"]],
];

describe("checkTransition: every pair of statuses for every actor", () => {
  for (const from of QUESTION_STATUSES) {
    for (const to of QUESTION_STATUSES) {
      const allowedFor = ALLOWED.find(([f, t]) => f === from && t === to)?.[2] ?? [];
      for (const actor of ACTORS) {
        const expected = allowedFor.includes(actor);
        it(`${from} → ${to} by ${actor}: ${expected ? "allowed" : "forbidden"}`, () => {
          const result = checkTransition(from, to, actor, "omdat het moet");
          expect(result.ok).toBe(expected);
          if (!result.ok) {
            const reason = from === to ? "same" : allowedFor.length === 0 ? "notAllowed" : "notYours";
            expect(result.error).toBe(reason);
          }
        });
      }
    }
  }
});

describe("reasons", () => {
  it("requires written feedback to send a question back", () => {
    expect(checkTransition("ingediend", "teruggestuurd", "programme", "   ")).toEqual({ ok: false, error: "reasonRequired" });
    expect(checkTransition("open", "teruggestuurd", "programme").ok).toBe(false);
    expect(checkTransition("ingediend", "teruggestuurd", "programme", "Formuleer als verbetervraag").ok).toBe(true);
  });

  it("does not require a reason elsewhere", () => {
    expect(checkTransition("concept", "ingediend", "school").ok).toBe(true);
  });
});

describe("availableTransitions", () => {
  it("offers the school submit and archive on a concept, and nothing to the programme", () => {
    expect(availableTransitions("concept", ["school"]).map((r) => r.to)).toEqual(["ingediend", "gearchiveerd"]);
    expect(availableTransitions("concept", ["programme"])).toEqual([]);
  });

  it("offers the programme open and send back on a submitted question", () => {
    expect(availableTransitions("ingediend", ["programme"]).map((r) => r.to)).toEqual(["open", "teruggestuurd"]);
  });

  it("has no rule that the table above does not list", () => {
    expect(TRANSITIONS.length).toBe(ALLOWED.length);
  });
});
