import { expect, expectAccessible, login, test } from "./fixtures";

test.describe("signing in and out", () => {
  test("a schoolleider signs in, sees a Dutch dashboard for the role, and signs out", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2F$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expectAccessible(page);

    await login(page, "schoolleider@demo.nl", undefined, { viaForm: true });
    await expect(page.getByRole("heading", { level: 1, name: "Welkom, Jeroen Bakker" })).toBeVisible();
    await expect(page.getByText("Schoolleider bij Basisschool De Regenboog")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Welkom, Jeroen Bakker." })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeVisible();
    // A schoolleider has no admin sections.
    await expect(page.getByRole("link", { name: "Organisaties" })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByText("Je bent uitgelogd.")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?redirectTo=/);
  });

  test("a wrong password shows a Dutch error next to the form and keeps the email", async ({ page }) => {
    await login(page, "student@demo.nl", "dit-is-fout", { expectFailure: true });
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Dit e-mailadres en wachtwoord horen niet bij elkaar");
    await expect(page.getByLabel("E-mailadres")).toHaveValue("student@demo.nl");
    await expect(page).toHaveURL(/\/login/);
    await expectAccessible(page);
  });

  test("empty fields get a message per field, linked to the input", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByText("Vul je e-mailadres in.")).toBeVisible();
    await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("E-mailadres")).toHaveAccessibleDescription("Vul je e-mailadres in.");
    await expectAccessible(page);
  });

  test("the whole login works with the keyboard only", async ({ page }) => {
    await page.goto("/login");
    await page.keyboard.press("Tab"); // skip link first
    await expect(page.getByRole("link", { name: "Naar de inhoud" })).toBeFocused();
    await page.getByLabel("E-mailadres").focus();
    await page.keyboard.type("student2@demo.nl");
    await page.keyboard.press("Tab");
    await page.keyboard.type("samen-onderzoeken");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Welkom, Daan Visser" })).toBeVisible();
  });

  test("the language switch turns the interface to English and back", async ({ page }) => {
    // Only the page's own language is in the browser: hydrating English must not disagree with the server.
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await login(page, "student3@demo.nl");
    await expect(page.getByRole("heading", { level: 1, name: "Welkom, Noor Hendriks" })).toBeVisible();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Welcome, Noor Hendriks" })).toBeVisible();
    await expect(page.getByText("Student teacher at Hogeschool Rivierland")).toBeVisible();
    await expectAccessible(page);
    // A page reached by a link (client-side) is English too.
    await page.getByRole("link", { name: "Notifications" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    expect(errors).toEqual([]);
    await page.getByRole("button", { name: "Nederlands" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    // Back on the same page, now in Dutch.
    await expect(page.getByRole("heading", { level: 1, name: "Meldingen" })).toBeVisible();
  });
});
