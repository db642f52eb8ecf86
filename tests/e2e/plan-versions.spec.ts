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
