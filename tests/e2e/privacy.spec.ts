import { expect, expectAccessible, login, test } from "./fixtures";

/** Personal data (issue 22): the privacy statement, "Mijn gegevens downloaden" and the erase confirmation. */
const SHOTS = process.env.SHOTS_DIR;

test("the privacy statement is public, fits a phone and is linked in the footer", async ({ page }) => {
  test.setTimeout(60_000);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/login");
    await page.getByRole("contentinfo").getByRole("link", { name: "Privacyverklaring" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Privacyverklaring" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "30 dagen." }).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await expectAccessible(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/privacy-${width}.png`, fullPage: true });
  }
});

test("a student downloads their data from /account/gegevens", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "student2@demo.nl");
  await page.goto("/account/gegevens");
  await expect(page.getByRole("heading", { level: 1, name: "Mijn gegevens" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/account-gegevens-390.png`, fullPage: true });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Mijn gegevens downloaden" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^samen-onderzoeken-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await (await download.createReadStream()).toArray();
  const data = JSON.parse(Buffer.concat(text).toString("utf8")) as { profile: { email: string } };
  expect(data.profile.email).toBe("student2@demo.nl");
});

test("an admin erases a person after a confirmation that says what happens", async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, "admin@demo.nl");
  await page.goto("/beheer/personen");
  await page.getByLabel("Zoek op naam of e-mailadres").fill("school-b4.demo.nl");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.waitForURL(/q=school-b4/);
  await expect(page.getByRole("row").nth(1)).toContainText("school-b4.demo.nl");
  const first = page.getByRole("row").nth(1).getByRole("link");
  const name = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: `Persoon: ${name}` })).toBeVisible();
  await expect(page.getByText("Wissen kan niet ongedaan worden gemaakt")).toBeVisible();

  // Without the tick: the reason sits at the checkbox, nobody is erased.
  await page.getByRole("button", { name: "Definitief wissen" }).click();
  await expect(page.getByText("Vink aan dat je hebt gecontroleerd")).toBeVisible();
  await expectAccessible(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/erase-confirmation-1280.png`, fullPage: true });

  await page.getByLabel("Ik heb gecontroleerd dat dit de juiste persoon is").check();
  await page.getByRole("button", { name: "Definitief wissen" }).click();
  await expect(page.getByRole("status").getByText("De persoon is gewist.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Gewiste persoon" })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  await expectAccessible(page);
});
