import { expect, expectAccessible, login, queuedMailLink, test } from "./fixtures";

/**
 * A seeded leraar outside the named demo accounts (6.2): the other specs sign in with those on the
 * same e2e server and the demo password, so this spec changes the password of someone none of them uses.
 */
async function unnamedDemoPerson(): Promise<string> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true });
  try {
    const row = db
      .prepare(
        // Not a teacher of A1 (De Regenboog): scan.spec signs in with the first two of those.
        `select u.email from users u join memberships m on m.user_id = u.id join schools s on s.id = m.school_id
         where m.role = 'leraar' and u.email not like '%@demo.nl' and u.disabled_at is null and s.name <> 'Basisschool De Regenboog'
         order by u.email desc limit 1`,
      )
      .get() as { email: string } | undefined;
    if (!row) throw new Error("no seeded leraar outside the named demo accounts");
    return row.email;
  } finally {
    db.close();
  }
}
const RESET_PASSWORD = "nieuw wachtwoord via de mail";
const CHANGED_PASSWORD = "en nog een ander wachtwoord";

test("a person recovers a forgotten password by mail, changes it on /account and signs out everywhere", async ({ page }) => {
  test.setTimeout(40_000); // three accessibility scans and four sign-ins
  const EMAIL = await unnamedDemoPerson();
  await page.goto("/login");
  await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wachtwoord vergeten" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill(EMAIL);
  await page.getByRole("button", { name: "Stuur de link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kijk in je mail" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Als er een account is met dit adres" })).toBeVisible();

  // The e2e server has no SMTP server: the link waits in the mail queue.
  const link = await queuedMailLink(EMAIL, "password-reset", /https?:\/\/\S+\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}/);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Nieuw wachtwoord instellen" })).toBeVisible();
  await expect(page.getByText(`Kies een nieuw wachtwoord voor ${EMAIL}.`)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(RESET_PASSWORD);
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(RESET_PASSWORD);
  await page.getByRole("button", { name: "Wachtwoord instellen" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("Je wachtwoord is ingesteld. Log in met je nieuwe wachtwoord.")).toBeVisible();

  // The old password no longer works; the new one does.
  await login(page, EMAIL, "samen-onderzoeken", { expectFailure: true });
  await expect(page).toHaveURL(/\/login/);
  await login(page, EMAIL, RESET_PASSWORD);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Mijn account" })).toBeVisible();
  await expectAccessible(page);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(sideways, "no sideways scroll at 390 px").toBeLessThanOrEqual(0);

  const passwordSection = page.getByRole("region", { name: "Wachtwoord wijzigen" });
  await passwordSection.getByLabel("Huidig wachtwoord").fill(RESET_PASSWORD);
  await passwordSection.getByLabel("Nieuw wachtwoord", { exact: true }).fill(CHANGED_PASSWORD);
  await passwordSection.getByLabel("Herhaal het nieuwe wachtwoord").fill(CHANGED_PASSWORD);
  await passwordSection.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByText("Je wachtwoord is gewijzigd. Op je andere apparaten ben je uitgelogd.")).toBeVisible();

  await page.getByRole("button", { name: "Overal uitloggen, ook hier" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("Je bent overal uitgelogd.")).toBeVisible();
  // Signed out here too: /account asks to sign in; the changed password is the one that works.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
  await login(page, EMAIL, CHANGED_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
});
