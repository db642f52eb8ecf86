import { expect, expectAccessible, login, test } from "./fixtures";

test("publish with consent → visible in the expert group and in search at another school", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await login(page, "student@demo.nl");
  await page.goto("/opbrengsten");
  await page.getByRole("link", { name: "Opbrengst publiceren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Opbrengst publiceren" })).toBeVisible();
  await expectAccessible(page);
  // The demo project that student2@ writes too (matching.spec may have given student@ a second one).
  await page.getByLabel("Project").selectOption({ label: "Hoe vergroten we de leesmotivatie van leerlingen in groep 6 tot en met 8?" });
  await page.getByLabel("Titel", { exact: true }).fill("Boekgesprekken vergroten leesplezier in groep 6-8");
  await page.getByLabel("Samenvatting in gewone taal").fill("Wekelijkse boekgesprekken en vrije boekkeuze maken dat leerlingen meer en liever lezen.");
  await page.getByLabel("Aanbevelingen").fill("Houd elke week een boekgesprek.\nLaat leerlingen zelf boeken kiezen.");
  await page.getByLabel("Lezen en taalonderwijs").check();
  await page.getByLabel("Bestanden", { exact: true }).setInputFiles({ name: "boekgesprekken.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n%%EOF\n") });
  await page.getByRole("radio", { name: "Regio" }).check();
  await page.getByRole("button", { name: "Publiceren" }).click();
  // Forgot the pupil-data confirmation: a clear message, nothing stored.
  await expect(page.getByText("Bevestig dat er geen persoonsgegevens")).toBeVisible();
  await page.getByLabel("Bestanden", { exact: true }).setInputFiles({ name: "boekgesprekken.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n%%EOF\n") });
  await page.getByLabel("Titel", { exact: true }).fill("Boekgesprekken vergroten leesplezier in groep 6-8");
  await page.getByLabel("Samenvatting in gewone taal").fill("Wekelijkse boekgesprekken en vrije boekkeuze maken dat leerlingen meer en liever lezen.");
  await page.getByRole("radio", { name: "Regio" }).check();
  await page.getByLabel("Er staan geen persoonsgegevens van leerlingen in").check();
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Boekgesprekken vergroten leesplezier in groep 6-8" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Toestemming voor publicatie" })).toBeVisible();
  await expectAccessible(page);
  const resultUrl = page.url();

  for (const email of ["student2@demo.nl", "schoolleider@demo.nl"]) {
    const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
    const other = await context.newPage();
    await login(other, email);
    await other.goto(resultUrl);
    await other.getByRole("button", { name: "Ik geef toestemming" }).click();
    await expect(other.getByRole("status").filter({ hasText: "Je toestemming is vastgelegd." })).toBeVisible();
    await context.close();
  }

  // Now visible to the region: share it in the expert group the student is a member of.
  await page.goto(resultUrl);
  await expect(page.getByText("Regio").first()).toBeVisible();
  await page.getByLabel("Expertgroep").selectOption({ label: "Expertgroep Lezen en taal" });
  await page.getByRole("button", { name: "Delen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "gedeeld in de expertgroep" })).toBeVisible();

  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const elsewhere = await context.newPage();
  await login(elsewhere, "schoolleider2@demo.nl");
  await elsewhere.goto("/opbrengsten?q=boekgesprekken");
  await expect(elsewhere.getByRole("link", { name: "Boekgesprekken vergroten leesplezier in groep 6-8" })).toBeVisible();
  await elsewhere.goto("/expertgroepen");
  await elsewhere.getByRole("link", { name: "Expertgroep Lezen en taal" }).click();
  await expect(elsewhere.getByRole("link", { name: "Boekgesprekken vergroten leesplezier in groep 6-8" })).toBeVisible();
  await expectAccessible(elsewhere);
  await context.close();
});
