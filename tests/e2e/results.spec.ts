import { expect, expectAccessible, login, test } from "./fixtures";

test("anyone can read a public result without an account", async ({ page }) => {
  await login(page, "student3@demo.nl");
  await page.goto("/opbrengsten?q=voorlezen");
  const link = page.getByRole("link", { name: "Voorleesontbijt met ouders: opkomst en effect op leesplezier" });
  const href = await link.getAttribute("href");
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL(/\/login$/);
  await page.goto(href!);
  await expect(page.getByRole("heading", { level: 1, name: "Voorleesontbijt met ouders: opkomst en effect op leesplezier" })).toBeVisible();
  await expect(page.getByText("Deze opbrengst is openbaar")).toBeVisible();
  await expectAccessible(page);
});

test("a schoolleider tracks an implementation action to done", async ({ page }) => {
  await login(page, "schoolleider@demo.nl");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Opbrengsten" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Rijke teksten bij wereldoriëntatie: evaluatie van het eerste jaar" }).click();
  await expect(page.getByText("1 van 3 acties gedaan")).toBeVisible();
  await expectAccessible(page);
  // The action's own status select (each action also has a "Toelichting bij de status" field).
  const action = page.getByRole("listitem").filter({ hasText: "Voeg twee voorleesmomenten" });
  await action.getByLabel("Status", { exact: true }).selectOption({ label: "Gedaan" });
  await page.getByRole("button", { name: /Status opslaan\s*:\s*Voeg twee voorleesmomenten/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "De actie is bijgewerkt." })).toBeVisible();
  await expect(page.getByText("2 van 3 acties gedaan")).toBeVisible();
});

test("an expert group member discusses a shared result", async ({ page }) => {
  await login(page, "schoolleider@demo.nl");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Expertgroepen" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Expertgroep Lezen en taal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Expertgroep Lezen en taal" })).toBeVisible();
  await expect(page.getByText("Vooral persoonlijk, en de kinderen maakten zelf een uitnodiging.")).toBeVisible();
  // Other tests may share more results into this group: work inside this result's thread.
  const thread = page.locator("article", { hasText: "Voorleesontbijt met ouders" });
  await thread.getByLabel("Je reactie").fill("Dank! Wij proberen het in november met groep 3.");
  await thread.getByRole("button", { name: "Plaatsen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je reactie is geplaatst." })).toBeVisible();
  await expect(page.getByText("Dank! Wij proberen het in november met groep 3.")).toBeVisible();
  await expectAccessible(page);
});
