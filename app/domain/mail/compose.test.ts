import { describe, expect, it } from "vitest";
import { tFor } from "../../utils/i18n.server";
import { digestMail, invitationMail, passwordResetMail, subjectLine } from "./compose";

const origin = "https://samen.example";

describe("mail texts", () => {
  it("an invitation carries its link, in plain text and HTML, with a footer linking /account", () => {
    const mail = invitationMail(tFor("nl"), {
      origin,
      token: "abc_DEF-123",
      name: "Lies <Leraar>",
      role: "leraar",
      organisation: "De Regenboog",
      inviter: "Anna",
      expiresAt: new Date("2026-12-14T10:00:00Z"),
      dateFormat: new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }),
    });
    expect(mail.subject).toBe("Uitnodiging voor Samen Onderzoeken: De Regenboog");
    expect(mail.text).toContain(`${origin}/uitnodiging/abc_DEF-123`);
    expect(mail.html).toContain(`href="${origin}/uitnodiging/abc_DEF-123"`);
    expect(mail.html).toContain("Lies &lt;Leraar&gt;");
    expect(mail.text).toContain(`${origin}/account`);
    expect(mail.text).toContain("Anna");
  });

  it("is English for people who chose English", () => {
    const mail = passwordResetMail(tFor("en"), { origin, token: "t0k", name: "Sam" });
    expect(mail.subject).toBe("Set a new password for Samen Onderzoeken");
    expect(mail.text).toContain(`${origin}/wachtwoord-herstellen/t0k`);
    expect(mail.text).toContain("Dear Sam,");
  });

  it("a digest counts its notifications and links each one", () => {
    const mail = digestMail(tFor("nl"), {
      origin,
      name: "Sam",
      notifications: [
        { kind: "question.sentBack", params: { title: "Lezen" }, link: "/vragen/1" },
        { kind: "onbekend", params: {}, link: "//evil.example" },
      ],
    });
    expect(mail.subject).toBe("Samen Onderzoeken: 2 nieuwe meldingen");
    expect(mail.text).toContain(`${origin}/vragen/1`);
    expect(mail.text).not.toContain("evil.example");
  });

  it("subjects never carry a line break", () => {
    expect(subjectLine("a\r\nBcc: x@y")).toBe("a Bcc: x@y");
  });
});
