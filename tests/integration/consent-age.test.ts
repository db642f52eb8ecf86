import { describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";
import { demoPlan } from "./collab-helpers";

/**
 * The parental-consent age per partnership (issue 4): the programmaleider sets
 * it on /organisaties, and the plan's ethics checklist and consent form follow.
 */
const t = withServer();

type PartnershipRow = { id: string; name: string; age: number };
const partnershipOfSchool = (school: string) =>
  t.db
    .prepare(
      `select p.id, p.name, p.parental_consent_under_age age from partnerships p
       join partnership_schools ps on ps.partnership_id = p.id
       join schools s on s.id = ps.school_id where s.name = ?`,
    )
    .get(school) as PartnershipRow;
const ageOf = (id: string) =>
  (t.db.prepare("select parental_consent_under_age age from partnerships where id = ?").get(id) as { age: number }).age;
const settingAudits = () =>
  (t.db.prepare("select count(*) n from audit_log where event = 'partnership.settings_changed'").get() as { n: number }).n;

describe("the partnership's parental-consent age", () => {
  it("is 16 for every partnership by default and shown on /organisaties", async () => {
    const a = partnershipOfSchool("Basisschool De Regenboog");
    expect(a.age).toBe(16);
    const leader = await t.signedIn("programmaleider@demo.nl");
    const html = await (await leader.get("/organisaties")).text();
    expect(html).toContain("Toestemming ouders bij onderzoek");
    expect(html).toContain(`name="parentalConsentUnderAge"`);
  });

  it("refuses who may not change it, and nonsense ages, storing nothing", async () => {
    const a = partnershipOfSchool("Basisschool De Regenboog");
    const b = partnershipOfSchool("Waalhaven Lyceum");
    const before = settingAudits();
    const leader = await t.signedIn("programmaleider@demo.nl");
    const otherPartnership = await leader.post("/organisaties", { intent: "consent-age", partnershipId: b.id, parentalConsentUnderAge: "18" });
    expect(otherPartnership.status).toBe(403);
    for (const [age, message] of [
      ["15", "Lager dan 16 jaar kan niet"],
      ["19", "Kies 18 jaar of jonger"],
      ["zestien", "Kies een leeftijd"],
      ["16.5", "Kies een hele leeftijd"],
    ] as const) {
      const response = await leader.post("/organisaties", { intent: "consent-age", partnershipId: a.id, parentalConsentUnderAge: age });
      expect(response.status, age).toBe(400);
      expect(await response.text()).toContain(message);
    }
    const admin = await t.signedIn("admin@demo.nl");
    const unknown = await admin.post("/organisaties", { intent: "consent-age", partnershipId: "bestaat-niet", parentalConsentUnderAge: "17" });
    expect(unknown.status).toBe(404);
    const schoolleider = await t.signedIn("schoolleider@demo.nl");
    const notLeader = await schoolleider.post("/organisaties", { intent: "consent-age", partnershipId: a.id, parentalConsentUnderAge: "18" });
    expect(notLeader.status).toBe(403);
    expect(ageOf(a.id)).toBe(16);
    expect(ageOf(b.id)).toBe(16);
    expect(settingAudits()).toBe(before);
  });

  it("once set to 18, the demo plan's checklist and consent form follow it, and the change is logged", async () => {
    const a = partnershipOfSchool("Basisschool De Regenboog");
    const leader = await t.signedIn("programmaleider@demo.nl");
    const saved = await leader.post("/organisaties", { intent: "consent-age", partnershipId: a.id, parentalConsentUnderAge: "18" });
    expect(saved.status).toBe(302);
    expect(ageOf(a.id)).toBe(18);
    const audit = t.db
      .prepare("select detail from audit_log where event = 'partnership.settings_changed' order by id desc limit 1")
      .get() as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ partnershipId: a.id, from: 16, to: 18 });

    const student = await t.signedIn("student@demo.nl");
    const plan = await demoPlan(student);
    const page = await (await student.get(`/plannen/${plan.id}`)).text();
    expect(page).toContain("geven ouders toestemming voor leerlingen jonger dan 18 jaar");
    const form = await (await student.get(`/plannen/${plan.id}/toestemmingsformulier.md`)).text();
    expect(form).not.toContain("16 jaar of ouder");

    // Back to the default: the page says 16 again.
    await leader.post("/organisaties", { intent: "consent-age", partnershipId: a.id, parentalConsentUnderAge: "16" });
    const after = await (await student.get(`/plannen/${plan.id}`)).text();
    expect(after).toContain("jonger dan 16 jaar");
  });
});
