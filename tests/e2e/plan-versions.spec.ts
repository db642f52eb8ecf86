import { expect, expectAccessible, login, test } from "./fixtures";

/** Issue 4 "Versions", as a student who freezes one, with the mistakes people make on the way. */
test("a student freezes a named version: a missing name is explained at the field, and the form is empty again after saving", async ({ page }) => {
  await login(page, "student2@demo.nl");
  const plans = (await (await page.request.get("/api/v1/plans")).json()) as { plans: { id: string; title: string }[] };
  const plan = plans.plans.find((p) => p.title.includes("leesmotivatie"))!;
  await page.goto(`/plannen/${plan.id}/versies`);
  await expect(page.getByRole("heading", { level: 1, name: "Versies" })).toBeVisible();
  const name = page.getByLabel("Naam van de versie");

  // No name: the server's message, and the focus on the field it is about (so it is read out).
  await page.getByRole("button", { name: "Versie vastleggen" }).click();
  await expect(page.getByText("Geef de versie een naam.")).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");

  const versionName = `Ingediend ter beoordeling ${Date.now()}`;
  await name.fill(versionName);
  await page.getByRole("button", { name: "Versie vastleggen" }).click();
  await expect(page.getByRole("status").filter({ hasText: versionName })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: versionName });
  await expect(row).toContainText("Daan Visser");
  // Emptied, so a second click does not freeze the same version again.
  await expect(name).toHaveValue("");
  await expect(page.getByText("Geef de versie een naam.")).toHaveCount(0);
  // The link's name starts with what it shows (WCAG 2.5.3) and says which version.
  await expect(row.getByRole("link", { name: `Bekijken en vergelijken: ${versionName}` })).toBeVisible();
  await expectAccessible(page);

  // At 320 px (400 % zoom) the page itself does not scroll sideways; the table scrolls in its own region.
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("restoring a version: the comparison comes first, the text before is kept as a version, and a co-author is told", async ({ browser }) => {
  test.setTimeout(90_000); // two or three browsers and axe on a shared 2-core machine
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [daan, lotte] = await Promise.all(contexts.map((c) => c.newPage()));
  await login(daan!, "student2@demo.nl");
  await login(lotte!, "student@demo.nl");
  const plans = (await (await daan!.request.get("/api/v1/plans")).json()) as { plans: { id: string; title: string }[] };
  const plan = plans.plans.find((p) => p.title.includes("leesmotivatie"))!;
  const versionName = `Voor de bijeenkomst ${Date.now()}`;
  await daan!.goto(`/plannen/${plan.id}/versies`);
  await daan!.getByLabel("Naam van de versie").fill(versionName);
  await daan!.getByRole("button", { name: "Versie vastleggen" }).click();
  await expect(daan!.getByRole("row").filter({ hasText: versionName })).toBeVisible();

  // A sentence written after the version was frozen.
  await daan!.goto(`/plannen/${plan.id}`);
  await lotte!.goto(`/plannen/${plan.id}`);
  for (const page of [daan!, lotte!]) await expect(page.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();
  await daan!.getByRole("textbox", { name: "Tekst van Bronnen" }).click();
  await daan!.keyboard.type("Een bron die er na de versie bij kwam.");
  await expect(lotte!.getByRole("textbox", { name: "Tekst van Bronnen" })).toContainText("Een bron die er na de versie bij kwam.");
  await expect(daan!.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();

  await daan!.goto(`/plannen/${plan.id}/versies`);
  await daan!.getByRole("link", { name: `Bekijken en vergelijken: ${versionName}` }).click();
  // Only what differs is shown as a card; the rest is one line. Restoring comes after it.
  const compare = daan!.locator("section", { has: daan!.getByRole("heading", { name: "Vergelijking met de huidige tekst" }) });
  await expect(compare.getByRole("heading", { level: 3 })).toHaveText(["Bronnen"]);
  await expect(compare).toContainText("Ongewijzigd: Aanleiding");
  const restore = daan!.getByRole("region", { name: "Terugzetten" });
  await expect(restore).toContainText("De huidige tekst wordt eerst automatisch vastgelegd als versie");
  const below = await daan!.evaluate(() => {
    const [cmp, rst] = ["compare-title", "restore-title"].map((id) => document.getElementById(id)!);
    return Boolean(cmp!.compareDocumentPosition(rst!) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(below).toBe(true);
  await expectAccessible(daan!);
  await restore.getByRole("button", { name: "Deze versie terugzetten" }).click();
  await expect(daan!).toHaveURL(new RegExp(`/plannen/${plan.id}$`));
  await expect(daan!.getByText(`Versie “${versionName}” is teruggezet.`)).toBeVisible();

  // Lotte, who was in the plan, sees the text change and is told why.
  await expect(lotte!.getByRole("textbox", { name: "Tekst van Bronnen" })).not.toContainText("Een bron die er na de versie bij kwam.");
  await expect(lotte!.getByRole("status").filter({ hasText: `Daan Visser heeft de versie “${versionName}” teruggezet` })).toBeVisible();
  // And the text from before the restore can be found again.
  await daan!.goto(`/plannen/${plan.id}/versies`);
  await daan!.getByRole("link", { name: `Bekijken en vergelijken: Vóór terugzetten van “${versionName}”` }).click();
  await expect(daan!.getByRole("region", { name: "Tekst van deze versie" })).toContainText("Een bron die er na de versie bij kwam.");
  await Promise.all(contexts.map((c) => c.close()));
});
