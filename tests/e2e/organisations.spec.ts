import { expect, expectAccessible, login, test } from "./fixtures";

test("an admin adds a region and sees Dutch errors at the field, on a phone-sized screen", async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "admin@demo.nl");
  await page.goto("/organisaties");
  await expect(page.getByRole("heading", { level: 2, name: "Organisaties beheren" })).toBeVisible();

  // A school without a partnership: the error sits at the field, nothing is stored.
  await page.getByText("School toevoegen", { exact: true }).first().click();
  await page.getByLabel("Naam van de school(locatie)").fill("Proefschool");
  await page.getByRole("button", { name: "School toevoegen" }).click();
  await expect(page.getByText("Geef de plaats.")).toBeVisible();
  await expect(page.locator("#school-city")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // A region, with a toast that names the next step.
  const name = `Onderwijsregio Proef ${Date.now()}`;
  await page.getByText("Onderwijsregio toevoegen", { exact: true }).click();
  await page.getByLabel("Naam van de onderwijsregio").fill(name);
  await page.getByRole("button", { name: "Regio toevoegen" }).click();
  await expect(page.getByText(`Onderwijsregio ‘${name}’ is toegevoegd.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await expectAccessible(page);
});
