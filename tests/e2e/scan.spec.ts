import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { ASPECTS } from "../../app/domain/culture-scan";
import { expect, expectAccessible, login, test } from "./fixtures";

/** The two seeded leraren of school A1 (Basisschool De Regenboog), read from the test database. */
function teachersOfA1(): string[] {
  const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true });
  try {
    const rows = db
      .prepare(
        `select u.email from users u join memberships m on m.user_id = u.id join schools s on s.id = m.school_id
         where s.name = 'Basisschool De Regenboog' and m.role = 'leraar' order by u.email limit 2`,
      )
      .all() as { email: string }[];
    return rows.map((r) => r.email);
  } finally {
    db.close();
  }
}

async function fillScan(page: Page, phaseFor: (index: number) => number) {
  await page.goto("/scan");
  await expect(page.getByRole("heading", { level: 1, name: "Scan onderzoekscultuur" })).toBeVisible();
  for (const [index, aspect] of ASPECTS.entries()) {
    const phase = phaseFor(index);
    await page.getByRole("group", { name: aspect.name }).first().getByLabel(new RegExp(`^Fase ${phase}:`)).check();
  }
  await page.getByRole("button", { name: "Antwoorden opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je antwoorden zijn opgeslagen." })).toBeVisible();
}

async function logout(page: Page) {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL(/\/login/);
}

test("two teachers and the schoolleider fill in the scan, agree on phases and see the spread", async ({ page }) => {
  const teachers = teachersOfA1();
  expect(teachers).toHaveLength(2);

  await login(page, teachers[0]!);
  await page.goto("/scan");
  await expectAccessible(page);
  await fillScan(page, (i) => 1 + (i % 2));
  // Their own answers come back checked, so they can change them.
  await expect(page.getByRole("group", { name: ASPECTS[1]!.name }).first().getByLabel(/^Fase 2:/)).toBeChecked();
  await logout(page);

  await login(page, teachers[1]!);
  await fillScan(page, (i) => 2 + (i % 3));
  await logout(page);

  await login(page, "schoolleider@demo.nl");
  await fillScan(page, () => 3);

  // The spread: a chart (drawn in the browser) plus the same figures as a table.
  const results = page.getByRole("region", { name: "Spreiding per aspect" });
  await expect(results.locator(".chart svg").first()).toBeVisible();
  await expect(results.getByRole("table", { name: "Spreiding van de antwoorden per aspect" })).toBeVisible();
  await expect(results.getByRole("row", { name: /Gespreid leiderschap/ })).toBeVisible();
  await expect(results.getByRole("link", { name: "Downloaden (CSV)" })).toBeVisible();
  // Never a name next to an answer.
  await expect(page.getByText(teachers[0]!)).toHaveCount(0);

  // The team agrees on a phase per aspect and picks one priority with an action.
  for (const aspect of ASPECTS) {
    await page.getByLabel(`Afgesproken fase voor ${aspect.name}`).selectOption({ label: "Fase 2: Ontwikkelen" });
  }
  await page.getByLabel("Reflectieve dialoog is een prioriteit").check();
  await page.getByLabel("Concrete actie voor Reflectieve dialoog").fill("Elke bouwvergadering start met een lesvoorbeeld.");
  await page.getByRole("button", { name: "Afspraken opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De afspraken zijn opgeslagen." })).toBeVisible();
  await expect(page.getByText("Elke bouwvergadering start met een lesvoorbeeld.").first()).toBeVisible();
  await expect(results.getByRole("row", { name: /Reflectieve dialoog/ })).toContainText("Fase 2: Ontwikkelen");

  // Last year's scan makes the trend visible as a chart and a table.
  const trend = page.getByRole("region", { name: "Ontwikkeling per aspect" });
  await expect(trend.locator(".chart svg").first()).toBeVisible();
  await expect(trend.getByRole("table", { name: "Fase per aspect per schooljaar" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Scan sluiten" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De scan is gesloten." })).toBeVisible();
  await expect(page.getByText("Deze scan is gesloten; antwoorden kunnen niet meer worden aangepast.")).toBeVisible();
});

test("the programmaleider reads the region dashboard with charts, tables and CSV links", async ({ page }) => {
  await login(page, "programmaleider@demo.nl");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard partnerschap en regio" })).toBeVisible();
  await expect(page.locator(".chart svg").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Studenten per school tegenover het lerarentekort" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Downloaden (CSV): Vragen per status" }).click();
  expect((await download).suggestedFilename()).toBe("dashboard-status.csv");
  await expectAccessible(page);
});
