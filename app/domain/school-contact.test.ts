import { describe, expect, it } from "vitest";
import { pickSchoolContacts } from "./school-contact";

describe("pickSchoolContacts", () => {
  it("names the schoolopleiders first, the schoolleider only when there is none, and nobody else", () => {
    const contacts = pickSchoolContacts([
      { schoolId: "a", role: "schoolleider", name: "Anna Leider", email: "anna@a.nl" },
      { schoolId: "a", role: "schoolopleider", name: "Wim Opleider", email: "wim@a.nl" },
      { schoolId: "a", role: "schoolopleider", name: "Bea Opleider", email: "bea@a.nl" },
      { schoolId: "b", role: "schoolleider", name: "Kees Leider", email: "kees@b.nl" },
      { schoolId: "b", role: "leraar", name: "Lot Leraar", email: "lot@b.nl" },
      { schoolId: "c", role: "leraar", name: "Piet Leraar", email: "piet@c.nl" },
    ]);
    expect(contacts.a).toEqual([
      { name: "Bea Opleider", email: "bea@a.nl", role: "schoolopleider" },
      { name: "Wim Opleider", email: "wim@a.nl", role: "schoolopleider" },
    ]);
    expect(contacts.b).toEqual([{ name: "Kees Leider", email: "kees@b.nl", role: "schoolleider" }]);
    expect(contacts.c).toBeUndefined();
  });

  it("lists someone with two memberships once", () => {
    const row = { schoolId: "a", role: "schoolopleider" as const, name: "Wim", email: "wim@a.nl" };
    expect(pickSchoolContacts([row, row]).a).toHaveLength(1);
  });
});
