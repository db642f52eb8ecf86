import { expect, expectAccessible, login, test } from "./fixtures";

// Unique per run: the shared server keeps data from other specs and earlier runs.
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test("a programmaleider imports schools: preview per row, confirm, result", async ({ page }) => {
  await login(page, "programmaleider@demo.nl");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Importeren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Importeren" })).toBeVisible();
  await expect(page.getByText("Partnerschap Samen Opleiden Lingedelta", { exact: false }).first()).toBeVisible();
  await expectAccessible(page);

  const csv = [
    "naam;plaats;sector;bestuur;tekort",
    `Basisschool De Uiterwaard ${run};Oeverbeek;po;Stichting Kindwijs;1,5`,
    `Kindcentrum De Kade ${run};Dijkzicht;po;Stichting Kindwijs;`,
  ].join("\n");
  await page.getByRole("radio", { name: "Scholen" }).check();
  await page.getByLabel("Bestand", { exact: true }).setInputFiles({ name: "scholen.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Voorbeeld bekijken" }).click();

  await expect(page.getByRole("heading", { level: 2, name: "Voorbeeld: scholen.csv" })).toBeVisible();
  const table = page.getByRole("table", { name: /Rijen 1 tot en met 2 van 2/ });
  await expect(table.getByRole("row", { name: new RegExp(`De Uiterwaard ${run}`) }).getByText("Nieuw", { exact: true })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "3" })).toBeVisible();
  await expectAccessible(page);
  if (process.env.IMPORT_SCREENSHOTS) await page.screenshot({ path: `${process.env.IMPORT_SCREENSHOTS}/preview.png`, fullPage: true });

  await page.getByRole("button", { name: "Import bevestigen" }).click();
  await expect(page.getByRole("heading", { name: "Import voltooid" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "2 scholen aangemaakt" }).first()).toBeVisible();
  await expectAccessible(page);

  // The new schools are in the partnership's tree.
  await page.goto("/organisaties");
  await expect(page.getByText(`Basisschool De Uiterwaard ${run}`, { exact: true })).toBeVisible();
});

test("an admin sees every problem of a bad staff file, then imports the fixed file and gets the invitation links", async ({ page }) => {
  await login(page, "admin@demo.nl");
  await page.goto("/beheer/import");
  if (process.env.IMPORT_SCREENSHOTS) await page.screenshot({ path: `${process.env.IMPORT_SCREENSHOTS}/form.png`, fullPage: true });
  await page.getByRole("radio", { name: "Medewerkers" }).check();
  await page.getByLabel("Partnerschap").selectOption({ label: "Partnerschap Samen Opleiden Lingedelta" });
  const good = `Wim Werkplek,wim.${run}@import.test,werkplekbegeleider,Het Rivierencollege`;
  const bad = [
    "naam,e-mail,rol,organisatie",
    good,
    `Lies Leraar,lies.${run}-at-import.test,leraar,Het Rivierencollege`,
    `"=HYPERLINK(""http://evil.example"",""klik"")",h.${run}@import.test,leraar,Het Rivierencollege`,
  ].join("\n");
  await page.getByLabel("Bestand", { exact: true }).setInputFiles({ name: "medewerkers.csv", mimeType: "text/csv", buffer: Buffer.from(bad, "utf8") });
  await page.getByRole("button", { name: "Voorbeeld bekijken" }).click();

  const summary = page.getByRole("region", { name: "2 rijen met fouten: er wordt niets geïmporteerd" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Rij 3, kolom ‘e-mail’: dit is geen geldig e-mailadres." })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Rij 4, kolom ‘naam’: formules zijn niet toegestaan/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Import bevestigen" })).toHaveCount(0);
  await expectAccessible(page);
  if (process.env.IMPORT_SCREENSHOTS) await page.screenshot({ path: `${process.env.IMPORT_SCREENSHOTS}/errors.png`, fullPage: true });
  // The summary links to the row in the table.
  await summary.getByRole("link", { name: "Rij 3, kolom ‘e-mail’: dit is geen geldig e-mailadres." }).click();
  await expect(page).toHaveURL(/#rij-3$/);
  await expect(page.locator("#rij-3")).toContainText("dit is geen geldig e-mailadres");

  // Another file: the fixed one.
  await page.getByRole("button", { name: "Ander bestand kiezen" }).click();
  await page.getByRole("radio", { name: "Medewerkers" }).check();
  await page.getByLabel("Partnerschap").selectOption({ label: "Partnerschap Samen Opleiden Lingedelta" });
  const fixed = ["naam,e-mail,rol,organisatie", good, `Lies Leraar,lies.${run}@import.test,leraar,Het Rivierencollege`].join("\n");
  await page.getByLabel("Bestand", { exact: true }).setInputFiles({ name: "medewerkers.csv", mimeType: "text/csv", buffer: Buffer.from(fixed, "utf8") });
  await page.getByRole("button", { name: "Voorbeeld bekijken" }).click();
  await expect(page.getByText("2 nieuw en 0 bijgewerkt.", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Import bevestigen" }).click();

  await expect(page.getByRole("heading", { name: "Import voltooid" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "2 uitnodigingen" }).first()).toBeVisible();
  const links = page.getByRole("table", { name: "Uitnodigingen uit deze import" });
  await expect(links.getByRole("rowheader", { name: "Wim Werkplek" })).toBeVisible();
  // The links went by mail (issue 21): the table says so and shows none.
  await expect(links.getByRole("row", { name: /Lies Leraar/ })).toContainText("Verstuurd per mail");
  await expect(links.locator("input")).toHaveCount(0);
  await expectAccessible(page);
  if (process.env.IMPORT_SCREENSHOTS) await page.screenshot({ path: `${process.env.IMPORT_SCREENSHOTS}/result.png`, fullPage: true });
});

test("the import works without JavaScript: plain form posts, preview, confirm", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, "programmaleider@demo.nl");
  await page.goto("/beheer/import");
  await page.getByRole("radio", { name: "Studenten" }).check();
  const csv = `naam;e-mail;instituut\nNora Zonderjs;nora.${run}@student.import.test;Hogeschool Rivierland – Pabo\n`;
  await page.getByLabel("Bestand", { exact: true }).setInputFiles({ name: "studenten.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Voorbeeld bekijken" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Voorbeeld: studenten.csv" })).toBeVisible();
  await expect(page.locator("#rij-2")).toContainText("Uitnodiging (nieuw account) bij Hogeschool Rivierland – Pabo");
  await page.getByRole("button", { name: "Import bevestigen" }).click();
  await expect(page.getByRole("heading", { name: "Import voltooid" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Import voltooid" })).toContainText("1 uitnodiging");
  await context.close();
});
