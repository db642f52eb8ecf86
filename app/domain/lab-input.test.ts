import { describe, expect, it } from "vitest";
import { checkLabInput } from "./lab-input";

const good = { partnershipId: "p1", name: "Lab Taal", seats: "6", periodStart: "2026-09-01", periodEnd: "2027-06-30", supervisorIds: ["u1", "u1"] };

describe("checkLabInput", () => {
  it("accepts a complete lab and removes duplicate supervisors", () => {
    const check = checkLabInput(good);
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.value.seats).toBe(6);
      expect(check.value.supervisorIds).toEqual(["u1"]);
      expect(check.value.hostSchoolId).toBeNull();
    }
  });

  it("refuses 0 seats, an end before the start and an impossible date, per field", () => {
    const check = checkLabInput({ ...good, seats: "0", periodStart: "2027-02-01", periodEnd: "2027-01-31" });
    expect(check).toEqual({ ok: false, errors: { seats: "install.labs.errors.seats", periodEnd: "install.labs.errors.endBeforeStart" } });
    expect(checkLabInput({ ...good, periodStart: "2027-02-30" })).toMatchObject({ ok: false, errors: { periodStart: "install.labs.errors.periodStart" } });
    expect(checkLabInput({ ...good, seats: "2.5" })).toMatchObject({ ok: false, errors: { seats: "install.labs.errors.seats" } });
  });

  it("refuses a missing name and two hosts", () => {
    const check = checkLabInput({ ...good, name: " ", hostSchoolId: "s1", hostInstituteId: "i1" });
    expect(check).toMatchObject({ ok: false, errors: { name: "install.labs.errors.nameRequired", host: "install.labs.errors.oneHost" } });
  });

  it("never throws on garbage", () => {
    for (const raw of [null, 42, "x", [], { seats: {} }, { supervisorIds: "u1" }]) expect(checkLabInput(raw).ok).toBe(false);
  });
});
