import { describe, expect, it } from "vitest";
import { addLocale, createI18n } from "../i18n";
import en from "../locales/en";
import { notificationText } from "./notification-text";

addLocale("en", en);

describe("notificationText", () => {
  const nl = createI18n("nl").t;
  it("names the round and its last day in Amsterdam, in each language", () => {
    // 22:59:59Z on 6 January is the end of that day in Amsterdam (CET): the 6th, not the 7th.
    const opened = { kind: "matching.opened", params: { round: "Ronde 2026-2027", deadline: "2027-01-06T22:59:59.999Z" } };
    expect(notificationText(opened, nl)).toBe("De matchingronde ‘Ronde 2026-2027’ is open: rangschik je keuzes uiterlijk 6 januari 2027.");
    expect(notificationText(opened, createI18n("en").t)).toBe("The matching round ‘Ronde 2026-2027’ is open: rank your choices by January 6, 2027.");
  });
  it("falls back to a neutral sentence for a kind it does not know", () => {
    expect(notificationText({ kind: "something.new", params: {} }, nl)).toBe(nl("questions.notifications.generic"));
  });
});
