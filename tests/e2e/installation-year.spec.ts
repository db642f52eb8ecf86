import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, Page } from "@playwright/test";
import { startServer, type RunningServer } from "../support/server";
import { expect, expectAccessible, login, test } from "./fixtures";

/**
 * Issue 19, the partnership year as the people click it, from an EMPTY
 * database (SEED_DEMO=false) on a server of its own (the shared demo server's
 * data belongs to the other specs). The first admin comes from
 * `npm run admin:invite`; every later link travels by mail and is read from
 * the real mail queue, never from the page. Each person has their own browser.
 * Axe on every kind of page, 390 px without sideways scroll on the pages a
 * school leader and a student use, and a screenshot per milestone in
 * /tmp/shots-walk for review (tests/integration/installation-year.test.ts is
 * the same year through HTTP).
 */

const SHOTS = "/tmp/shots-walk";
const PASSWORD = "een lange zin als wachtwoord";
const QUESTION = "Hoe maken we begrijpend lezen in groep 6 leuker?";
const RESULT = "Leesclubs maken begrijpend lezen in groep 6 leuker";
const INVITATION = /https?:\/\/[^\s"<>]+\/uitnodiging\/[A-Za-z0-9_-]{43}/;
const RESET = /https?:\/\/[^\s"<>]+\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}/;

// A locator that never matches should fail the step, not wait out the whole walk's timeout.
test.use({ actionTimeout: 20_000, navigationTimeout: 30_000 });

let server: RunningServer;
let origin: string;

test.beforeAll(async () => {
  server = await startServer({ env: { SEED_DEMO: "false" } });
  // As the shared e2e server: the browser uses the name the server printed.
  origin = server.url.replace("127.0.0.1", "localhost");
  fs.mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => {
  await server?.stop();
});

/** The link in the newest queued mail of this kind to this address (the app never shows it). */
function mailedLink(to: string, kind: "invitation" | "password-reset" = "invitation"): string {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    const row = db.prepare("select text from mail_queue where to_address = ? and kind = ? order by created_at desc, rowid desc limit 1").get(to.toLowerCase(), kind) as { text: string } | undefined;
    const match = row ? (kind === "invitation" ? INVITATION : RESET).exec(row.text) : null;
    if (!match) throw new Error(`no ${kind} mail queued for ${to}`);
    return new URL(match[0]).pathname;
  } finally {
    db.close();
  }
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** At phone width nothing scrolls sideways; the viewport goes back afterwards. */
async function fitsPhone(page: Page, name?: string) {
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `sideways scroll at 390 px on ${page.url()}`).toBeLessThanOrEqual(390);
  if (name) await shot(page, name);
  await page.setViewportSize(before);
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** The invited person opens the mailed link in their own browser and sets a password. */
async function accept(browser: Browser, link: string, name: string): Promise<Page> {
  const page = await freshPage(browser);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Uitnodiging accepteren" })).toBeVisible();
  await page.getByLabel("Kies een wachtwoord").fill(PASSWORD);
  await page.getByLabel("Herhaal het wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Account activeren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${name}` })).toBeVisible();
  return page;
}

/** Picks the option whose text contains `text` (labels carry a city or a kind). */
async function choose(page: Page, label: string | RegExp, text: string) {
  const select = page.getByLabel(label, { exact: typeof label === "string" });
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  expect(value, `option ‘${text}’ in ${label}`).toBeTruthy();
  await select.selectOption(value!);
}

/**
 * Invites one person: the admin through the menu, a programmaleider (who has no
 * menu item for it) through "Iemand uitnodigen" at the school or institute on
 * /organisaties. The page confirms and never shows the link; it comes from the mail queue.
 */
async function invite(page: Page, person: { name: string; email: string; organisation: string; role: string }, via: "menu" | "organisation") {
  await page.goto("/");
  if (via === "menu") {
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Uitnodigingen" }).click();
  } else {
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Organisaties" }).click();
    await page.getByRole("link", { name: `Iemand uitnodigen bij ${person.organisation}` }).click();
  }
  await expect(page.getByRole("heading", { level: 1, name: "Uitnodigingen" })).toBeVisible();
  await page.getByLabel("Naam", { exact: true }).fill(person.name);
  await page.getByLabel("E-mailadres").fill(person.email);
  if (via === "menu") await choose(page, "Organisatie", person.organisation);
  await expect(page.getByLabel("Organisatie").locator("option:checked")).toContainText(person.organisation);
  await page.getByLabel("Rol").selectOption({ label: person.role });
  await page.getByRole("button", { name: "Uitnodiging maken" }).click();
  const status = page.getByRole("status").filter({ hasText: `Uitnodiging aangemaakt voor ${person.name}` });
  await expect(status).toBeVisible();
  await expect(page.locator("main")).not.toContainText("/uitnodiging/");
  return mailedLink(person.email);
}

test("a partnership year from an empty database, as the people click it", async ({ browser }) => {
  // Five people, a year and ~25 axe scans in one test. The per-step expectations keep their short
  // timeouts; this only bounds the whole walk, which took 7.3 min on the shared 2-core machine under load.
  test.setTimeout(600_000);

  // ── The operator: `npm run admin:invite` prints the first admin's one-time link.
  const made = spawnSync(process.execPath, ["--import", "tsx", "scripts/invite-admin.ts", "beheer@rivierenland.nl", "Sanne Beheer"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_PATH: server.databasePath, APP_ORIGIN: origin },
    encoding: "utf8",
  });
  expect(made.status, made.stderr).toBe(0);
  const admin = await accept(browser, new URL(INVITATION.exec(made.stdout)![0]).pathname, "Sanne Beheer");
  await expectAccessible(admin);
  await shot(admin, "01-admin-welcome");

  await test.step("the admin builds the tree on /organisaties", async () => {
    await admin.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Organisaties" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Organisaties" })).toBeVisible();
    await expectAccessible(admin);
    await shot(admin, "02-organisations-empty");
    await admin.getByText("Onderwijsregio toevoegen", { exact: true }).click();
    await admin.getByLabel("Naam van de onderwijsregio").fill("Onderwijsregio Rivierenland");
    await admin.getByRole("button", { name: "Regio toevoegen" }).click();
    await expect(admin.getByText("Onderwijsregio ‘Onderwijsregio Rivierenland’ is toegevoegd.")).toBeVisible();

    await admin.getByText("Partnerschap toevoegen", { exact: true }).first().click();
    await admin.getByLabel("Naam van het partnerschap").fill("Partnerschap West");
    await choose(admin, "Onderwijsregio", "Rivierenland");
    await admin.getByRole("button", { name: "Partnerschap toevoegen" }).click();
    await expect(admin.getByText("Partnerschap ‘Partnerschap West’ is toegevoegd.")).toBeVisible();

    await admin.getByText("School toevoegen", { exact: true }).first().click();
    await admin.getByLabel("Naam van de school(locatie)").fill("Basisschool De Wilg");
    await admin.getByLabel("Sector").selectOption({ label: "Primair onderwijs" });
    await admin.getByLabel("Bestuur").fill("Stichting Rivierkind");
    await admin.locator("#school-city").fill("Tiel");
    await admin.locator("#school-city").locator("xpath=ancestor::form").getByLabel("Partnerschap").selectOption({ label: "Partnerschap West" });
    await admin.getByRole("button", { name: "School toevoegen" }).click();
    await expect(admin.getByText("School ‘Basisschool De Wilg’ is toegevoegd.")).toBeVisible();

    await admin.getByText("Lerarenopleiding toevoegen", { exact: true }).first().click();
    await admin.getByLabel("Naam van de lerarenopleiding").fill("Pabo Rivierenland");
    await admin.getByLabel("Soort opleiding").selectOption({ index: 1 });
    await admin.locator("#institute-city").fill("Nijmegen");
    await admin.locator("#institute-city").locator("xpath=ancestor::form").getByLabel("Partnerschap").selectOption({ label: "Partnerschap West" });
    await admin.getByRole("button", { name: "Lerarenopleiding toevoegen" }).click();
    await expect(admin.getByText("Lerarenopleiding ‘Pabo Rivierenland’ is toegevoegd.")).toBeVisible();

    const partnership = admin.locator("section.card", { has: admin.getByRole("heading", { name: "Partnerschap West" }) });
    await expect(partnership).toContainText("Basisschool De Wilg");
    await expect(partnership).toContainText("Pabo Rivierenland");
    await expectAccessible(admin);
    await shot(admin, "03-organisations-tree");
  });

  const leadLink = await test.step("the admin invites the programmaleider", async () => {
    const link = await invite(admin, { name: "Pim Programma", email: "pim@rivierenland.nl", organisation: "Partnerschap West", role: "Programmaleider" }, "menu");
    await expectAccessible(admin);
    await shot(admin, "04-invitation-made");
    return link;
  });

  const lead = await accept(browser, leadLink, "Pim Programma");
  await expectAccessible(lead);
  await shot(lead, "05-lead-welcome");

  const [headLink, studentLink, opleiderLink] = await test.step("the programmaleider invites a schoolleider, a student and an instituutsopleider", async () => {
    const links = [
      await invite(lead, { name: "Sara School", email: "sara@dewilg.nl", organisation: "Basisschool De Wilg", role: "Schoolleider" }, "organisation"),
      await invite(lead, { name: "Stan Student", email: "stan@student.pabo.nl", organisation: "Pabo Rivierenland", role: "Student" }, "organisation"),
      await invite(lead, { name: "Ilse Opleider", email: "ilse@pabo.nl", organisation: "Pabo Rivierenland", role: "Instituutsopleider" }, "organisation"),
    ];
    await expectAccessible(lead);
    await shot(lead, "06-lead-invitations");
    return links;
  });
  const head = await accept(browser, headLink!, "Sara School");
  const student = await accept(browser, studentLink!, "Stan Student");
  let opleider = await accept(browser, opleiderLink!, "Ilse Opleider");
  await fitsPhone(head, "07-head-welcome-390");
  await fitsPhone(student, "07-student-welcome-390");

  await test.step("the schoolleider writes a question and submits it", async () => {
    await head.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Vragen" }).click();
    await expectAccessible(head);
    await fitsPhone(head);
    // The dashboard names the first thing to do at a school without questions.
    await head.getByRole("link", { name: "Overzicht" }).click();
    await head.getByRole("link", { name: "Schrijf de eerste schoolontwikkelvraag van je school" }).click();
    await expect(head.getByRole("heading", { level: 1, name: "Nieuwe schoolontwikkelvraag" })).toBeVisible();
    await head.getByLabel("Onderzoeksvraag").fill(QUESTION);
    await head.getByLabel("Aanleiding").fill("De leesmotivatie in groep 6 daalt al twee jaar en de resultaten op begrijpend lezen dalen mee.");
    await head.getByLabel("Gewenste opbrengst").fill("Een aanpak voor leesmotivatie die leraren morgen kunnen gebruiken.");
    await head.getByLabel("Thema").selectOption({ index: 1 });
    await head.getByLabel("Deelvragen").fill("Wat motiveert leerlingen?\nWat werkt elders?");
    await head.getByLabel("Werkplekbegeleider").fill("Wim Werkplek");
    await expectAccessible(head);
    await fitsPhone(head, "08-question-form-390");
    await head.getByRole("button", { name: "Opslaan en indienen" }).click();
    await expect(head.getByRole("heading", { level: 1, name: QUESTION })).toBeVisible();
    await expect(head.getByRole("status").filter({ hasText: "De vraag is ingediend" })).toBeVisible();
    await expectAccessible(head);
    await fitsPhone(head, "09-question-submitted-390");
  });

  await test.step("the programmaleider opens it for matching", async () => {
    await lead.goto("/");
    await lead.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Triage" }).click();
    await expectAccessible(lead);
    await lead.getByRole("link", { name: QUESTION }).click();
    await lead.getByRole("button", { name: "Openzetten voor matching" }).click();
    await expect(lead.getByRole("status").filter({ hasText: "De status is nu: Open voor matching." })).toBeVisible();
    await expectAccessible(lead);
    await shot(lead, "10-question-open");
  });

  await test.step("the programmaleider makes a learning lab with a supervisor", async () => {
    await lead.goto("/labs");
    await expectAccessible(lead);
    await shot(lead, "11-labs-empty");
    await lead.getByText("Lab toevoegen", { exact: true }).first().click();
    const form = lead.locator("form").filter({ has: lead.getByRole("button", { name: "Lab toevoegen" }) }).first();
    await form.getByLabel("Naam van het lab").fill("Leeslab West");
    await form.getByLabel("Aantal plaatsen voor studenten").fill("4");
    await form.getByLabel("Begindatum").fill("2026-09-01");
    await form.getByLabel("Einddatum").fill("2027-06-30");
    await choose(lead, "Begeleiders", "Ilse Opleider");
    await form.getByRole("button", { name: "Lab toevoegen" }).click();
    await expect(lead.getByText("Learning lab ‘Leeslab West’ is toegevoegd.")).toBeVisible();
    await expect(lead.getByRole("heading", { level: 2, name: "Leeslab West" })).toBeVisible();
    // The form closed and emptied itself: nothing invites adding the same lab twice.
    await expect(lead.getByLabel("Naam van het lab").first()).toBeHidden();
    await expectAccessible(lead);
    await shot(lead, "12-lab-made");
  });

  await test.step("a matching round: the student ranks, the programmaleider calculates and publishes, both sides accept", async () => {
    await lead.goto("/matching");
    await expectAccessible(lead);
    await shot(lead, "13-matching-empty");
    const deadline = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    await lead.getByLabel("Naam van de ronde").fill("Ronde 2026-2027");
    await lead.getByLabel("Deadline voor studenten").fill(deadline);
    await lead.getByRole("button", { name: "Ronde openen" }).click();
    await expect(lead.getByRole("status").filter({ hasText: "De ronde is geopend." })).toBeVisible();

    // The student's dashboard says a round waits for their choices.
    await student.goto("/");
    await student.getByRole("link", { name: /^Rangschik je keuzes in Ronde 2026-2027, uiterlijk / }).click();
    await choose(student, "1e keuze", QUESTION);
    await student.getByRole("button", { name: "Keuzes opslaan" }).click();
    await expect(student.getByRole("status").filter({ hasText: "Je keuzes zijn opgeslagen." })).toBeVisible();
    await expectAccessible(student);
    await fitsPhone(student, "14-student-ranked-390");

    await lead.goto("/matching");
    await expect(lead.getByText("1 van 1 studenten hebben gerangschikt.")).toBeVisible();
    await lead.getByRole("button", { name: "Toewijzing berekenen" }).click();
    await expect(lead.getByRole("status").filter({ hasText: "De toewijzing is berekend: 1 geplaatst, 0 niet geplaatst." })).toBeVisible();
    await expectAccessible(lead);
    await shot(lead, "15-matching-summary");
    await lead.getByLabel(/Ik heb de samenvatting gecontroleerd/).check();
    await lead.getByRole("button", { name: "Ronde publiceren" }).click();
    await expect(lead.getByRole("status").filter({ hasText: "De ronde is gepubliceerd" })).toBeVisible();

    // The student hears of it through the bell; the notification names the round and leads to the proposal.
    await student.goto("/");
    await student.getByRole("link", { name: /Meldingen, \d+ ongelezen/ }).click();
    await expect(student.getByRole("heading", { level: 1, name: "Meldingen" })).toBeVisible();
    await expect(student.locator("main")).not.toContainText("‘’");
    await expectAccessible(student);
    await fitsPhone(student, "16a-student-notifications-390");
    await student.getByRole("link", { name: `Je bent geplaatst in Ronde 2026-2027: ‘${QUESTION}’. Accepteer of wijs het voorstel af.` }).click();
    await expect(student).toHaveURL(/\/matching/);
    await expect(student.getByText(`Je bent geplaatst bij: ${QUESTION}`)).toBeVisible();
    await student.getByRole("button", { name: "Accepteren", exact: true }).click();
    await expect(student.getByRole("status").filter({ hasText: "Je hebt het voorstel geaccepteerd." })).toBeVisible();
    await fitsPhone(student);

    await head.goto("/matching");
    await expect(head.getByRole("heading", { name: "Voorstellen voor je school" })).toBeVisible();
    await expectAccessible(head);
    await fitsPhone(head, "16-head-proposals-390");
    await head.getByRole("row", { name: /Stan Student/ }).getByRole("button", { name: /Accepteren/ }).click();
    await expect(head.getByRole("status").filter({ hasText: "geaccepteerd" })).toBeVisible();
  });

  await test.step("the project exists; the programmaleider adds the instituutsopleider as begeleider", async () => {
    await lead.goto("/");
    const flagged = lead.locator("section", { has: lead.getByRole("heading", { name: "Projecten zonder begeleider" }) });
    await expect(flagged).toBeVisible();
    await expectAccessible(lead);
    await shot(lead, "17-lead-dashboard-flag");
    await flagged.getByRole("link").first().click();
    await expect(lead).toHaveURL(/\/projecten\//);
    await expect(lead.getByText("Dit project heeft nog geen begeleider")).toBeVisible();
    await choose(lead, "Begeleider", "Ilse Opleider");
    await lead.getByRole("button", { name: "Begeleider toevoegen" }).click();
    await expect(lead.getByText("Ilse Opleider begeleidt dit project nu.")).toBeVisible();
    // The only eligible person is on it now: the page does not claim nobody is available.
    await expect(lead.getByText("Iedereen die dit project kan begeleiden, staat er al bij.")).toBeVisible();
    await expectAccessible(lead);
    await shot(lead, "18-project-begeleider");
    await lead.goto("/");
    await expect(lead.getByRole("heading", { name: "Projecten zonder begeleider" })).toHaveCount(0);
  });

  const planUrl = await test.step("the student writes in the plan and fills the ethics checklist", async () => {
    await student.goto("/matching");
    await student.getByRole("link", { name: "Naar je project" }).click();
    await expect(student).toHaveURL(/\/projecten\//);
    await expect(student.getByTestId("begeleiders")).toContainText("Ilse Opleider");
    await expectAccessible(student);
    await fitsPhone(student, "19-student-project-390");
    await student.getByRole("link", { name: "Open het onderzoeksplan" }).click();
    await expect(student).toHaveURL(/\/plannen\//);
    await expect(student.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();
    const aanleiding = student.getByRole("textbox", { name: "Tekst van Aanleiding" });
    await aanleiding.click();
    await student.keyboard.type("In groep 6 lezen leerlingen steeds minder graag. ", { delay: 5 });
    await expect(aanleiding).toContainText("In groep 6 lezen leerlingen steeds minder graag.");
    await expect(student.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();

    const checklist = student.getByRole("group", { name: "Checklist Ethiek en AVG" });
    await checklist.getByRole("group", { name: "Doen er leerlingen mee aan het onderzoek?" }).getByLabel("Ja").check();
    await checklist.getByLabel("Jonger dan 12 jaar").check();
    await checklist.getByLabel("Welke gegevens verzamel je, en waarom heb je precies die nodig?").fill("Alleen antwoorden op de vragenlijst, zonder namen.");
    await checklist.getByLabel("Waar bewaar je de gegevens?").fill("Beveiligde OneDrive van de pabo");
    await checklist.getByLabel("Hoe lang bewaar je de gegevens?").selectOption({ label: "Tot het einde van het onderzoek" });
    await expect(student.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();
    await expectAccessible(student);
    await fitsPhone(student, "20-student-plan-390");
    await shot(student, "20-student-plan");
    return student.url();
  });

  opleider = await test.step("the instituutsopleider, at another computer, has forgotten her password", async () => {
    await opleider.context().close();
    const page = await freshPage(browser);
    await page.goto("/login");
    await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
    // The login form has an "E-mailadres" too: fill only once the page has changed.
    await expect(page.getByRole("heading", { level: 1, name: "Wachtwoord vergeten" })).toBeVisible();
    await page.getByLabel("E-mailadres").fill("ilse@pabo.nl");
    await page.getByRole("button", { name: "Stuur de link" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Kijk in je mail" })).toBeVisible();
    await expect(page.locator("main")).not.toContainText("/wachtwoord-herstellen/");
    await page.goto(mailedLink("ilse@pabo.nl", "password-reset"));
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(`${PASSWORD} twee`);
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(`${PASSWORD} twee`);
    await page.getByRole("button", { name: "Wachtwoord instellen" }).click();
    await expect(page.getByText("Je wachtwoord is ingesteld. Log in met je nieuwe wachtwoord.")).toBeVisible();
    await login(page, "ilse@pabo.nl", `${PASSWORD} twee`);
    return page;
  });

  await test.step("the begeleider comments and signs the ethics off", async () => {
    await opleider.goto("/");
    await opleider.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Plannen" }).click();
    await expectAccessible(opleider);
    await opleider.getByRole("link", { name: QUESTION }).first().click();
    await expect(opleider).toHaveURL(planUrl);
    await expect(opleider.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();
    await expect(opleider.getByRole("textbox", { name: "Tekst van Aanleiding" })).toContainText("In groep 6 lezen leerlingen steeds minder graag.");
    await opleider.getByLabel("Nieuwe reactie bij Aanleiding").fill("Hoeveel minder? Noem de cijfers van de leesmonitor.");
    await opleider.locator("#aanleiding").getByRole("button", { name: "Reactie plaatsen" }).click();
    await expect(opleider.getByText("Je reactie is geplaatst.")).toBeVisible();
    const checklist = opleider.getByRole("group", { name: "Checklist Ethiek en AVG" });
    await checklist.getByRole("button", { name: "Checklist aftekenen" }).click();
    await expect(checklist).toContainText("Afgetekend door Ilse Opleider");
    await expectAccessible(opleider);
    await shot(opleider, "21-begeleider-signed");
    // The student sees both without reloading.
    await expect(student.locator("#aanleiding .plan-thread")).toContainText("Noem de cijfers van de leesmonitor.");
    await expect(student.getByRole("group", { name: "Checklist Ethiek en AVG" })).toContainText("Afgetekend door Ilse Opleider");
  });

  const resultUrl = await test.step("the student publishes a result; the schoolleider consents", async () => {
    await student.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Opbrengsten" }).click();
    await expectAccessible(student);
    await fitsPhone(student);
    await student.getByRole("link", { name: "Opbrengst publiceren" }).click();
    await expect(student.getByRole("heading", { level: 1, name: "Opbrengst publiceren" })).toBeVisible();
    await student.getByLabel("Titel", { exact: true }).fill(RESULT);
    await student.getByLabel("Samenvatting in gewone taal").fill("Een wekelijkse leesclub met zelfgekozen boeken maakte dat leerlingen in groep 6 liever en beter lazen.");
    await student.getByLabel("Aanbevelingen").fill("Start een leesclub per groep.\nLaat leerlingen zelf boeken kiezen.");
    await student.getByRole("radio", { name: "Regio" }).check();
    await student.getByLabel("Er staan geen persoonsgegevens van leerlingen in").check();
    await expectAccessible(student);
    await fitsPhone(student, "22-result-form-390");
    await student.getByRole("button", { name: "Publiceren" }).click();
    await expect(student.getByRole("heading", { level: 1, name: RESULT })).toBeVisible();
    await expect(student.getByRole("heading", { name: "Toestemming voor publicatie" })).toBeVisible();
    await fitsPhone(student, "23-result-waiting-390");
    const url = student.url();

    await head.goto(url);
    await head.getByRole("button", { name: "Ik geef toestemming" }).click();
    await expect(head.getByRole("status").filter({ hasText: "Je toestemming is vastgelegd." })).toBeVisible();
    // The consent made it regional; the visibility form shows that, so saving it would not undo it.
    await expect(head.getByLabel("Zichtbaar voor")).toHaveValue("region");
    await expectAccessible(head);
    await fitsPhone(head, "24-result-consented-390");
    return url;
  });

  await test.step("an expert group: created, the result shared into it, a meeting planned with an .ics", async () => {
    await lead.goto("/");
    await lead.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Expertgroepen" }).click();
    await expectAccessible(lead);
    await shot(lead, "25-groups-empty");
    await lead.getByText("Groep oprichten", { exact: true }).first().click();
    await lead.getByLabel("Naam", { exact: true }).fill("Expertgroep Lezen");
    await lead.getByRole("button", { name: "Groep oprichten" }).click();
    await expect(lead.getByText("Expertgroep ‘Expertgroep Lezen’ is opgericht.")).toBeVisible();
    await expect(lead.getByRole("heading", { level: 1, name: "Expertgroep Lezen" })).toBeVisible();
    await expectAccessible(lead);

    await student.goto("/expertgroepen");
    await student.getByRole("link", { name: "Expertgroep Lezen" }).click();
    await student.getByRole("button", { name: "Lid worden" }).click();
    await expect(student.getByRole("button", { name: "Groep verlaten" })).toBeVisible();
    await fitsPhone(student);
    await student.goto(resultUrl);
    await student.getByLabel("Expertgroep").selectOption({ label: "Expertgroep Lezen" });
    await student.getByRole("button", { name: "Delen" }).click();
    await expect(student.getByRole("status").filter({ hasText: "gedeeld in de expertgroep" })).toBeVisible();
    await expectAccessible(student);
    await fitsPhone(student, "26-result-shared-390");

    await lead.reload();
    await expect(lead.getByRole("link", { name: RESULT })).toBeVisible();
    // He started the group, so he is in it already: no "Lid worden" before planning its meeting.
    await expect(lead.getByRole("button", { name: "Groep verlaten" })).toBeVisible();
    await lead.getByText("Bijeenkomst plannen", { exact: true }).first().click();
    await lead.getByLabel("Titel", { exact: true }).fill("Leesbijeenkomst");
    await lead.getByLabel("Datum", { exact: true }).fill(`${new Date().getFullYear() + 1}-03-02`);
    await lead.getByLabel("Plaats of link").fill("Pabo Rivierenland, lokaal 2");
    await lead.getByLabel("Agenda").fill("1. Opening\n2. De leesclub van De Wilg");
    await lead.getByRole("button", { name: "Bijeenkomst plannen" }).click();
    await expect(lead.getByText("De bijeenkomst is gepland.")).toBeVisible();
    await expect(lead.getByLabel("Titel", { exact: true })).toBeHidden(); // closed and empty again
    const ics = lead.getByRole("link", { name: "Leesbijeenkomst in je agenda zetten" });
    const download = await lead.request.get((await ics.getAttribute("href"))!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain("text/calendar");
    expect(await download.text()).toContain("SUMMARY:Leesbijeenkomst");
    await expectAccessible(lead);
    await shot(lead, "27-group-meeting");

    await student.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Expertgroepen" }).click();
    await student.getByRole("link", { name: "Expertgroep Lezen" }).click();
    await expect(student.getByRole("link", { name: "Leesbijeenkomst in je agenda zetten" })).toBeVisible();
    await expect(student.getByRole("link", { name: RESULT })).toBeVisible();
    await fitsPhone(student, "28-student-group-390");
  });

  for (const page of [admin, lead, head, student, opleider]) await page.context().close();
});
