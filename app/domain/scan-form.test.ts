import { describe, expect, it } from "vitest";
import { ASPECTS, MAX_PRIORITIES } from "./culture-scan";
import { parseScanAction } from "./scan-form";

const allPhases = (value: string) => Object.fromEntries(ASPECTS.map((a) => [`phase-${a.id}`, value]));
const agreements = (priorities: number, extra: Record<string, string> = {}) => ({
  intent: "agree",
  scanId: "scan-1",
  ...Object.fromEntries(ASPECTS.map((a) => [`agreed-${a.id}`, "2"])),
  ...Object.fromEntries(ASPECTS.slice(0, priorities).flatMap((a) => [[`priority-${a.id}`, "on"], [`action-${a.id}`, "Teamoverleg plannen"]])),
  ...extra,
});

describe("parseScanAction", () => {
  it("reads a complete questionnaire as phases per aspect", () => {
    const parsed = parseScanAction({ intent: "respond", scanId: "scan-1", ...allPhases("3") });
    expect(parsed).toEqual({ ok: true, action: { intent: "respond", scanId: "scan-1", answers: Object.fromEntries(ASPECTS.map((a) => [a.id, 3])) } });
  });

  it("names what is wrong: a missing aspect, a phase out of range, an unknown aspect, an unknown intent", () => {
    const { [`phase-${ASPECTS[0]!.id}`]: _first, ...missingOne } = allPhases("2");
    expect(parseScanAction({ intent: "respond", scanId: "s", ...missingOne })).toEqual({ ok: false, error: "scan.errors.phaseMissing" });
    expect(parseScanAction({ intent: "respond", scanId: "s", ...allPhases("5") })).toEqual({ ok: false, error: "scan.errors.phaseInvalid" });
    expect(parseScanAction({ intent: "respond", scanId: "s", ...allPhases("2"), "phase-bestaat-niet": "2" })).toEqual({ ok: false, error: "scan.errors.unknownAspect" });
    expect(parseScanAction({ intent: "wissen", scanId: "s" })).toEqual({ ok: false, error: "scan.errors.unknownIntent" });
  });

  it("agreements: at most the maximum of priorities, each with an action; no action kept without priority", () => {
    // Aspect by aspect (issue 20): saving without a priority is fine; closing asks for one (the route).
    expect(parseScanAction(agreements(0)).ok).toBe(true);
    expect(parseScanAction(agreements(MAX_PRIORITIES + 1))).toEqual({ ok: false, error: "scan.errors.priorityCount" });
    const first = ASPECTS[0]!.id;
    expect(parseScanAction(agreements(1, { [`action-${first}`]: "  " }))).toEqual({ ok: false, error: "scan.errors.actionRequired" });
    expect(parseScanAction(agreements(1, { [`action-${first}`]: "x".repeat(501) }))).toEqual({ ok: false, error: "scan.errors.actionTooLong" });
    const ok = parseScanAction(agreements(1, { [`action-${ASPECTS[1]!.id}`]: "zonder prioriteit", [`question-${ASPECTS[1]!.id}`]: "q-1" }));
    expect(ok.ok && ok.action.intent === "agree" && ok.action.agreements[1]).toMatchObject({ priority: false, action: "", questionId: null });
    expect(ok.ok && ok.action.intent === "agree" && ok.action.agreements[0]).toMatchObject({ priority: true, action: "Teamoverleg plannen", agreedPhase: 2 });
  });

  it("agreements aspect by aspect: only filled-in aspects are saved; an empty form is refused; a priority needs its phase", () => {
    const [first, second] = [ASPECTS[0]!.id, ASPECTS[1]!.id];
    expect(parseScanAction({ intent: "agree", scanId: "scan-1" })).toEqual({ ok: false, error: "actionOwners.scan.empty" });
    expect(parseScanAction({ intent: "agree", scanId: "scan-1", [`agreed-${first}`]: "", [`action-${first}`]: " " })).toEqual({ ok: false, error: "actionOwners.scan.empty" });
    const one = parseScanAction({ intent: "agree", scanId: "scan-1", [`agreed-${first}`]: "3", [`agreed-${second}`]: "" });
    expect(one.ok && one.action.intent === "agree" && one.action.agreements).toEqual([{ aspectId: first, agreedPhase: 3, priority: false, action: "", questionId: null }]);
    expect(parseScanAction({ intent: "agree", scanId: "scan-1", [`priority-${second}`]: "on", [`action-${second}`]: "Doen" })).toEqual({ ok: false, error: "scan.errors.phaseMissing" });
  });
});
