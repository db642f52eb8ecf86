import { expect, expectAccessible, login, queuedMailLink, test } from "./fixtures";

test("an admin invites a teacher, who sets a password and signs in", async ({ page, browser }) => {
  test.setTimeout(60_000); // two browsers and three accessibility scans
  // A fresh address each run: the e2e server is shared, and an address can only be invited once.
  const email = `eva.nieuw.${Date.now()}@school-a2.demo.nl`;
  await login(page, "admin@demo.nl");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Organisaties" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organisaties" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Onderwijsregio Lingedelta" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Nodig iemand uit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Uitnodigingen" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Naam", { exact: true }).fill("Eva Nieuw");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Organisatie").selectOption({ label: "Het Rivierencollege (Lingestad)" });
  await expect(page.getByLabel("Rol").locator("option", { hasText: "Student" })).toHaveCount(0); // filtered to school roles
  await page.getByLabel("Rol").selectOption({ label: "Leraar" });
  await page.getByRole("button", { name: "Uitnodiging maken" }).click();

  const status = page.getByRole("status").filter({ hasText: "Uitnodiging aangemaakt voor Eva Nieuw" });
  await expect(status).toBeVisible();
  // The link goes only by mail (issue 21): the page says so and never shows it.
  await expect(status).toContainText("krijgt de uitnodiging per mail");
  await expect(page.getByTestId("invitation-link")).toHaveCount(0);
  const link = await queuedMailLink(email, "invitation", /https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]{43}/);
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await expectAccessible(page);

  // The invited person, in a fresh browser without a session.
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const invited = await context.newPage();
  await invited.goto(link);
  await expect(invited.getByRole("heading", { level: 1, name: "Uitnodiging accepteren" })).toBeVisible();
  await expect(invited.getByText("Fatima El Idrissi heeft je uitgenodigd als Leraar bij Het Rivierencollege.")).toBeVisible();
  await expectAccessible(invited);
  await invited.getByLabel("Kies een wachtwoord").fill("kort");
  await invited.getByLabel("Herhaal het wachtwoord").fill("kort");
  await invited.getByRole("button", { name: "Account activeren" }).click();
  await expect(invited.getByText("Kies een wachtwoord van minstens 10 tekens.")).toBeVisible();

  await invited.getByLabel("Kies een wachtwoord").fill("rivieren en dijken");
  await invited.getByLabel("Herhaal het wachtwoord").fill("rivieren en dijken");
  await invited.getByRole("button", { name: "Account activeren" }).click();
  await expect(invited.getByRole("heading", { level: 1, name: "Welkom, Eva Nieuw" })).toBeVisible();
  await expect(invited.getByText("Leraar bij Het Rivierencollege")).toBeVisible();

  // Signing out and in again with the new password works; the link does not work twice.
  await invited.getByRole("button", { name: "Uitloggen" }).click();
  // Wait for the sign-out to land: navigating away at once can cancel its POST and keep the session.
  await expect(invited.getByText("Je bent uitgelogd.")).toBeVisible();
  await invited.goto(link);
  await expect(invited.getByRole("heading", { name: "Deze uitnodiging werkt niet" })).toBeVisible();
  await expect(invited.getByText("Deze uitnodiging is al gebruikt.")).toBeVisible();
  await login(invited, email, "rivieren en dijken");
  await expect(invited.getByRole("heading", { level: 1, name: "Welkom, Eva Nieuw" })).toBeVisible();
  await context.close();
});

test("a programmaleider sees the tree and the people of their own partnership only", async ({ page }) => {
  await login(page, "programmaleider@demo.nl");
  await page.getByRole("link", { name: "Organisaties" }).first().click();
  await expect(page.getByRole("heading", { name: "Partnerschap Samen Opleiden Lingedelta" })).toBeVisible();
  await expect(page.getByText("Je kunt de mensen van dit partnerschap niet zien.").first()).toBeVisible();
  await expectAccessible(page);
  // Issue 19: a programmaleider invites into the schools and institutes of their own partnership
  // only, from the menu, and sees the open invitations into it (never another partnership's).
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Uitnodigingen" }).click();
  await expect(page.getByRole("heading", { name: "Uitnodigingen", level: 1 })).toBeVisible();
  await expect(page.getByRole("option", { name: /Het Baken/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Openstaande uitnodigingen" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Het Baken/ })).toHaveCount(0);
  await expectAccessible(page);
});
