import fs from "node:fs";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, login, test } from "./fixtures";

/** Issue 20 in the browser: publishing a matching round is a confirmed step, and the unplaced student sees a next step. */
const SHOTS = "/tmp/shots-school";

function db() {
  const handle = new Database(process.env.E2E_DATABASE_PATH!);
  handle.pragma("busy_timeout = 5000");
  return handle;
}

type RoundRow = { id: string; status: string; name: string };
function latestRound(): RoundRow {
  const handle = db();
  try {
    return handle.prepare("select id, status, name from matching_rounds where partnership_id = (select m.partnership_id from memberships m join users u on u.id = m.user_id where u.email = 'programmaleider@demo.nl') order by created_at desc, rowid desc limit 1").get() as RoundRow;
  } finally {
    handle.close();
  }
}

async function noSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest(".table-scroll"))
      .slice(0, 5)
      .map((el) => `${el.tagName}.${el.className}`),
  );
  expect(wide, "elements wider than the screen").toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

test("the programmaleider checks the summary, confirms and publishes; the round is then locked", async ({ page }) => {
  test.setTimeout(60_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  await login(page, "programmaleider@demo.nl");
  await page.goto("/matching");
  let round = latestRound();
  if (round.status === "gepubliceerd") {
    // Another spec published the demo round already: the way on is a follow-up round.
    await page.getByLabel("Deadline voor studenten").fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Vervolgronde openen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "De vervolgronde is geopend." })).toBeVisible();
    const previous = round.id;
    round = latestRound();
    // Set-up: the students ranked again in the follow-up round (as they would through the form).
    const handle = db();
    handle.prepare("insert into round_rankings (round_id, student_id, question_id, rank) select ?, student_id, question_id, rank from round_rankings where round_id = ?").run(round.id, previous);
    handle.close();
  }
  // One supervision place per school, so some students stay without a place.
  for (const input of await page.getByRole("spinbutton", { name: /^Capaciteit:/ }).all()) await input.fill("1");
  await page.getByRole("button", { name: "Instellingen opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De instellingen zijn opgeslagen." })).toBeVisible();
  await page.getByRole("button", { name: "Toewijzing berekenen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De toewijzing is berekend" })).toBeVisible();

  const summary = page.getByRole("region", { name: "Samenvatting voor publicatie" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("heading", { name: "Plaatsen per school" })).toBeVisible();
  await expect(summary.getByRole("columnheader", { name: "Tekort (fte)" })).toBeVisible();
  await expect(summary.getByText(/student\(en\) (kozen|gaven)/).first()).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await summary.screenshot({ path: `${SHOTS}/matching-summary-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await noSidewaysScroll(page);
  await summary.screenshot({ path: `${SHOTS}/matching-summary-390.png` });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Without the confirmation the browser does not send the form; the round stays computed.
  const publish = page.getByRole("button", { name: "Ronde publiceren" });
  await publish.click();
  expect(latestRound().status).toBe("berekend");
  await page.getByLabel(/Ik heb de samenvatting gecontroleerd/).check();
  await publish.click();
  await expect(page.getByRole("status").filter({ hasText: "De ronde is gepubliceerd" })).toBeVisible();
  expect(latestRound().status).toBe("gepubliceerd");
  await expect(page.getByText(/De ronde ligt vast/)).toBeVisible();
  await expect(page.getByText(/Rangschikken kan tot/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Toewijzing berekenen" })).toHaveCount(0);
  // The results fit a screen: one collapsed group per school.
  const groups = page.locator("details", { has: page.locator("summary", { hasText: /geplaatst$/ }) });
  expect(await groups.count()).toBeGreaterThan(0);
  await expect(groups.first().getByRole("table")).toBeHidden();
  await groups.first().locator("summary").click();
  await expect(groups.first().getByRole("table")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/matching-published-1280.png`, fullPage: true });
  await expectAccessible(page);
});

test("an unplaced student sees what to do next", async ({ page }) => {
  const round = latestRound();
  const handle = db();
  const unplaced = handle
    .prepare("select u.email from round_assignments a join users u on u.id = a.student_id where a.round_id = ? and a.question_id is null order by u.email limit 1")
    .get(round.id) as { email: string } | undefined;
  handle.close();
  expect(unplaced, "the published round leaves someone without a place").toBeDefined();
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, unplaced!.email);
  await page.goto("/matching");
  await expect(page.getByText("Je bent in deze ronde niet geplaatst.")).toBeVisible();
  const next = page.getByRole("region", { name: "Wat kun je nu doen?" });
  await expect(next).toBeVisible();
  await expect(next.getByRole("link", { name: "Bekijk de open vragen" })).toBeVisible();
  await expect(next.getByRole("link", { name: "programmaleider@demo.nl" })).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/unplaced-student-390.png`, fullPage: true });
});

test("a teacher proposes a question to the school's leadership", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, "expert@demo.nl");
  await page.getByRole("link", { name: "Een onderzoeksvraag voorstellen aan je schoolleiding" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Voorstellen van leraren" })).toBeVisible();
  await page.getByRole("button", { name: "Voorstel versturen" }).click();
  await expect(page.getByLabel("Jouw vraag")).toBeFocused(); // the browser asks for the question before sending
  await page.getByLabel("Jouw vraag").fill("Hoe laten we leerlingen elkaar feedback geven in de bovenbouw?");
  await page.getByLabel("Aanleiding (optioneel)").fill("In ons team merken we dat peerfeedback oppervlakkig blijft.");
  await page.getByRole("button", { name: "Voorstel versturen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je voorstel is verstuurd naar de schoolleiding." })).toBeVisible();
  await expect(page.getByText("Wacht op de schoolleiding")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/teacher-proposal-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await noSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/teacher-proposal-390.png`, fullPage: true });
});
