import { expect, expectAccessible, login, test } from "./fixtures";
import type { Page } from "@playwright/test";

/**
 * Issue 19, as the people involved click it: the programmaleider makes a
 * learning lab (a Dutch error at the field first), puts a begeleider on the
 * demo project and takes them off again, checks the year-end list; an admin
 * starts an expert group and plans a meeting with an .ics. Axe on every page,
 * at 390 px without sideways scroll; screenshots for review.
 */

const SHOTS = "/tmp/shots-install";

async function noSidewaysScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test("the programmaleider makes a learning lab, with Dutch errors at the field first", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "programmaleider@demo.nl");
  await page.goto("/labs");
  await page.getByText("Lab toevoegen", { exact: true }).first().click();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Lab toevoegen" }) }).first();
  const name = `Rekenlab ${Date.now()}`;
  await form.getByLabel("Naam van het lab").fill(name);
  await form.getByLabel("Aantal plaatsen voor studenten").fill("0");
  await form.getByLabel("Begindatum").fill("2027-02-01");
  await form.getByLabel("Einddatum").fill("2027-01-01");
  await form.getByRole("button", { name: "Lab toevoegen" }).click();
  await expect(page.getByText("Het aantal plaatsen is een heel getal van 1 tot en met 500.")).toBeVisible();
  await expect(page.getByText("De einddatum ligt vóór de begindatum.")).toBeVisible();
  await expectAccessible(page);

  const retry = page.locator("form").filter({ has: page.getByRole("button", { name: "Lab toevoegen" }) }).first();
  await retry.getByLabel("Naam van het lab").fill(name);
  await retry.getByLabel("Aantal plaatsen voor studenten").fill("5");
  await retry.getByLabel("Begindatum").fill("2027-02-01");
  await retry.getByLabel("Einddatum").fill("2027-06-30");
  await retry.getByLabel("Begeleiders").selectOption({ index: 0 });
  await retry.getByRole("button", { name: "Lab toevoegen" }).click();
  await expect(page.getByText(`Learning lab ‘${name}’ is toegevoegd.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  await noSidewaysScroll(page, 390);
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/labs-390.png`, fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/labs-1280.png` });

});

test("the programmaleider puts a begeleider on the demo project and takes them off again", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, "programmaleider@demo.nl");
  const plans = (await (await page.request.get("/api/v1/plans")).json()) as { plans: { id: string }[] };
  await page.goto(`/plannen/${plans.plans[0]!.id}`);
  await page.locator('a[href^="/projecten/"]').first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Begeleiders" })).toBeVisible();
  const select = page.getByLabel("Begeleider", { exact: true });
  const option = await select.locator("option").nth(1).textContent();
  const person = option!.split(" — ")[0]!;
  await select.selectOption({ index: 1 });
  await page.getByRole("button", { name: "Begeleider toevoegen" }).click();
  await expect(page.getByText(`${person} begeleidt dit project nu.`)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await noSidewaysScroll(page, 390);
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/project-begeleiders-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/project-begeleiders-1280.png`, fullPage: true });
  await page.getByRole("button", { name: `${person} als begeleider verwijderen` }).click();
  await expect(page.getByText(`${person} begeleidt dit project niet meer.`)).toBeVisible();

});

test("the programmaleider checks the year-end list", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, "programmaleider@demo.nl");
  // Checked before anything is closed (not submitted: other specs share the demo data).
  await page.goto("/jaarafsluiting");
  await expect(page.getByRole("heading", { level: 1, name: "Schooljaar afsluiten" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/year-end-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await noSidewaysScroll(page, 390);
  await page.screenshot({ path: `${SHOTS}/year-end-390.png` });
});

test("an admin starts an expert group and plans a meeting with an .ics", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "admin@demo.nl");
  await page.goto("/expertgroepen");
  await page.getByText("Groep oprichten", { exact: true }).first().click();
  const name = `Expertgroep Rekenen ${Date.now()}`;
  await page.getByLabel("Naam", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Groep oprichten" }).click();
  await expect(page.getByText(`Expertgroep ‘${name}’ is opgericht.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectAccessible(page);

  // The admin manages the group; to plan a meeting they join it (an open group) first.
  await page.getByRole("button", { name: "Lid worden" }).click();
  await expect(page.getByRole("button", { name: "Groep verlaten" })).toBeVisible();
  await page.getByText("Bijeenkomst plannen", { exact: true }).first().click();
  await page.getByLabel("Titel", { exact: true }).fill("Startbijeenkomst");
  await page.getByLabel("Datum", { exact: true }).fill(`${new Date().getFullYear() + 1}-03-02`);
  await page.getByLabel("Plaats of link").fill("https://meet.example/rekenen");
  await page.getByLabel("Agenda").fill("1. Kennismaken\n2. Thema's kiezen");
  await page.getByRole("button", { name: "Bijeenkomst plannen" }).click();
  await expect(page.getByText("De bijeenkomst is gepland.")).toBeVisible();
  const ics = page.getByRole("link", { name: "Startbijeenkomst in je agenda zetten" });
  await expect(ics).toBeVisible();
  const download = await page.request.get((await ics.getAttribute("href"))!);
  expect(download.headers()["content-type"]).toContain("text/calendar");
  await noSidewaysScroll(page, 390);
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/expert-group-admin-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/expert-group-admin-1280.png`, fullPage: true });
});
