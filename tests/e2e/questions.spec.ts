import { expect, expectAccessible, login, test } from "./fixtures";

test("a schoolleider writes and submits a question; the programmaleider opens it for matching", async ({ page, browser }) => {
  await login(page, "schoolleider@demo.nl");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Vragen" }).click();
  await page.getByRole("link", { name: "Nieuwe vraag" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nieuwe schoolontwikkelvraag" })).toBeVisible();
  await expectAccessible(page);

  // A control question gets a gentle hint while typing.
  await page.getByLabel("Onderzoeksvraag").fill("Waar gaat het fout bij het samenwerkend leren?");
  await expect(page.getByText("Tip: deze vraag klinkt als een controlevraag")).toBeVisible();
  await page.getByLabel("Onderzoeksvraag").fill("Hoe kunnen we samenwerkend leren in groep 5 en 6 sterker maken?");
  await expect(page.getByText("Tip: deze vraag klinkt als een controlevraag")).toHaveCount(0);

  // The browser validates with the same schema before anything is sent.
  await page.getByRole("button", { name: "Opslaan en indienen" }).click();
  await expect(page.getByText("Beschrijf de aanleiding.")).toBeVisible();

  await page.getByLabel("Aanleiding").fill("Groepswerk loopt vaak vast: een paar leerlingen doen het werk en de rest haakt af.");
  await page.getByLabel("Gewenste opbrengst").fill("Werkvormen voor samenwerkend leren die het hele team gebruikt.");
  await page.getByLabel("Thema").selectOption({ label: "Differentiatie en adaptief lesgeven" });
  await page.getByLabel("Deelvragen").fill("Hoe verloopt groepswerk nu?\nWelke werkvormen werken?");
  await page.getByLabel("Werkplekbegeleider").fill("Luuk Dekker");
  await page.getByRole("button", { name: "Opslaan en indienen" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Hoe kunnen we samenwerkend leren in groep 5 en 6 sterker maken?" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "De vraag is ingediend" })).toBeVisible();
  await expect(page.getByText("Ingediend", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  const questionUrl = page.url();

  const leadContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const lead = await leadContext.newPage();
  await login(lead, "programmaleider@demo.nl");
  await expect(lead.getByRole("link", { name: /Meldingen, \d+ ongelezen/ })).toBeVisible();
  await lead.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Triage" }).click();
  await expectAccessible(lead);
  await lead.getByRole("link", { name: "Hoe kunnen we samenwerkend leren in groep 5 en 6 sterker maken?" }).click();
  await expect(lead.getByRole("heading", { name: "Lijkt op vragen van andere scholen" })).toBeVisible();
  await expectAccessible(lead);
  await lead.getByRole("button", { name: "Openzetten voor matching" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "De status is nu: Open voor matching." })).toBeVisible();
  await expect(lead.getByText("Ingediend → Open voor matching")).toBeVisible();
  await leadContext.close();

  await page.goto(questionUrl);
  await expect(page.getByText("Open voor matching", { exact: true }).first()).toBeVisible();
});

test("the programmaleider sends a question back with feedback; the school sees it", async ({ page, browser }) => {
  await login(page, "programmaleider@demo.nl");
  await page.goto("/triage");
  await page.getByRole("link", { name: "Hoe verbeteren we de overgang van leerlingen van de basisschool naar de brugklas?" }).click();
  await page.getByRole("button", { name: "Terugsturen met feedback" }).click();
  await expect(page.getByRole("alert")).toContainText("Schrijf feedback voor de school");
  await expect(page.getByLabel("Toelichting")).toBeFocused(); // back at the field that needs it
  await page.getByLabel("Toelichting").fill("Welke basisscholen doen mee? Voeg een deelvraag toe over de rol van de mentor.");
  await page.getByRole("button", { name: "Terugsturen met feedback" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Teruggestuurd" })).toBeVisible();

  const schoolContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const school = await schoolContext.newPage();
  await login(school, "schoolleider2@demo.nl");
  await school.getByRole("link", { name: /Meldingen, \d+ ongelezen/ }).click();
  await school.getByRole("link", { name: /is teruggestuurd met feedback/ }).first().click();
  await expect(school.getByRole("heading", { name: "Feedback van het partnerschap" })).toBeVisible();
  await expect(school.getByText("Voeg een deelvraag toe over de rol van de mentor.").first()).toBeVisible();
  await expect(school.getByRole("link", { name: "Bewerken" })).toBeVisible();
  await expectAccessible(school);
  await schoolContext.close();
});

test("search and filters find questions; a concept of another school stays invisible", async ({ page }) => {
  await login(page, "schoolleider2@demo.nl");
  await page.goto("/vragen");
  await page.getByRole("searchbox", { name: "Zoeken in vragen" }).fill("lezen");
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  await expect(page).toHaveURL(/q=lezen/);
  await expect(page.getByRole("link", { name: "Hoe vergroten we de leesmotivatie van leerlingen in groep 6 tot en met 8?" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Status").selectOption({ label: "Afgerond" });
  await page.getByRole("button", { name: "Filters toepassen" }).click();
  await expect(page.getByRole("link", { name: /begrijpend lezen/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /leesmotivatie/ })).toHaveCount(0);

  // School A1's concept about parents of newcomers: not for school A2.
  await page.goto("/vragen?q=nieuwkomers");
  await expect(page.getByText("Geen vragen gevonden.")).toBeVisible();
  await page.goto("/vragen?status=concept");
  await expect(page.getByRole("link", { name: /ouders van nieuwkomers/ })).toHaveCount(0);
});

test("the agenda can be reordered with the keyboard and printed", async ({ page }) => {
  await login(page, "schoolleider@demo.nl");
  await page.goto("/agenda");
  await expect(page.getByRole("heading", { level: 1, name: "Onderzoeksagenda" })).toBeVisible();
  await expectAccessible(page);
  const titles = page.locator(".agenda-item h3");
  const second = (await titles.nth(1).textContent())!;
  const up = page.getByRole("button", { name: `Zet ‘${second}’ een plek hoger` });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "De volgorde is opgeslagen." })).toBeVisible();
  await expect(titles.first()).toHaveText(second);
  await page.emulateMedia({ media: "print" });
  // On paper: the title, then school and year once, and no buttons.
  await expect(page.getByRole("heading", { level: 1, name: "Onderzoeksagenda" })).toBeVisible();
  await expect(page.getByText(/Basisschool De Regenboog · \d{4}-\d{4}/)).toBeVisible();
  const printed = await page.locator("main").innerText(); // innerText leaves out what print hides
  expect(printed.match(/Basisschool De Regenboog/g)).toHaveLength(1);
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeHidden();
});
