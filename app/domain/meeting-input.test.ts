import { describe, expect, it } from "vitest";
import { checkMeetingInput } from "./meeting-input";

const now = new Date("2027-01-01T12:00:00Z");

describe("checkMeetingInput", () => {
  it("turns an Amsterdam date and time into the right instant", () => {
    const check = checkMeetingInput({ title: "Bijeenkomst", date: "2027-03-02", time: "16:00", location: "Pabo, lokaal 2", agenda: "1. Opening" }, now);
    expect(check).toEqual({ ok: true, value: { title: "Bijeenkomst", startsAt: "2027-03-02T15:00:00.000Z", location: "Pabo, lokaal 2", agenda: "1. Opening" } });
    const summer = checkMeetingInput({ title: "Zomer", date: "2027-06-02", time: "16:00", location: "https://meet.example/x" }, now);
    expect(summer.ok && summer.value.startsAt).toBe("2027-06-02T14:00:00.000Z");
  });

  it("names every bad field", () => {
    expect(checkMeetingInput({ title: "", date: "2027-02-30", time: "25:00", location: "" }, now)).toEqual({
      ok: false,
      errors: { title: "install.groups.errors.titleRequired", date: "install.groups.errors.dateInvalid", location: "install.groups.errors.locationRequired" },
    });
    expect(checkMeetingInput({ title: "Oud", date: "2026-12-01", time: "10:00", location: "Zaal" }, now)).toMatchObject({ ok: false, errors: { date: "install.groups.errors.dateInPast" } });
  });
});
