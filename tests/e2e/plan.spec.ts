import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, login, test } from "./fixtures";

/** Issue 4 "done when": two browsers type into one section, a reader sees it and cannot change it. */

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await login(page, email);
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

async function demoPlanId(page: Page): Promise<{ id: string; title: string }> {
  const response = await page.request.get("/api/v1/plans");
  const body = (await response.json()) as { plans: { id: string; title: string }[] };
  const plan = body.plans.find((p) => p.title.includes("leesmotivatie"));
  if (!plan) throw new Error("demo plan not listed");
  return plan;
}

function section(page: Page, heading: string) {
  return page.getByRole("textbox", { name: `Tekst van ${heading}` });
}

test("two students write in the same section live; the schoolleider reads along and cannot change it", async ({ browser }) => {
  test.setTimeout(90_000);
  const lotte = await signedInPage(browser, "student@demo.nl");
  const daan = await signedInPage(browser, "student2@demo.nl");
  const jeroen = await signedInPage(browser, "schoolleider@demo.nl");
  const plan = await demoPlanId(lotte);

  for (const page of [lotte, daan, jeroen]) {
    await page.goto(`/plannen/${plan.id}`);
    await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();
    await expect(page.getByText("Zonder JavaScript kun je het hier alleen lezen", { exact: false })).toHaveCount(0);
  }
  // The partly written demo plan is there; guidance sits under each Dutch heading.
  await expect(section(lotte, "Aanleiding")).toContainText("Basisschool De Regenboog");
  await expect(lotte.getByRole("heading", { level: 2, name: "Methode en onderzoeksontwerp" })).toBeVisible();
  // Presence: each sees the others by name.
  await expect(lotte.getByRole("region", { name: "Wie is er nu" })).toContainText("Daan Visser");
  await expect(lotte.getByRole("region", { name: "Wie is er nu" })).toContainText("Jeroen Bakker");
  // Three people, three colours: carets and the list tell them apart.
  const dots = lotte.getByRole("region", { name: "Wie is er nu" }).locator(".plan-presence__dot");
  await expect(dots).toHaveCount(3);
  const colours = await dots.evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
  expect(new Set(colours).size).toBe(3);
  await expectAccessible(lotte);

  // Each section's toolbar is one tab stop; the arrow keys move within it.
  const toolbar = lotte.getByRole("toolbar", { name: "Opmaak: Aanleiding" });
  await expect(toolbar.getByRole("button", { name: "Cursief" })).toHaveAttribute("tabindex", "-1");
  await toolbar.getByRole("button", { name: "Vet" }).focus();
  await lotte.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: "Cursief" })).toBeFocused();
  await lotte.keyboard.press("End");
  await expect(toolbar.getByRole("button", { name: "Genummerde lijst" })).toBeFocused();

  const lotteMethod = section(lotte, "Methode en onderzoeksontwerp");
  const daanMethod = section(daan, "Methode en onderzoeksontwerp");
  await lotteMethod.click();
  await daanMethod.click();
  // Both type at the same time into the same section.
  await Promise.all([
    lotte.keyboard.type("Lotte: ontwerpgericht onderzoek. ", { delay: 5 }),
    daan.keyboard.type("Daan: drie cycli. ", { delay: 5 }),
  ]);
  for (const page of [lotte, daan, jeroen]) {
    const text = section(page, "Methode en onderzoeksontwerp");
    await expect(text).toContainText("Lotte: ontwerpgericht onderzoek.");
    await expect(text).toContainText("Daan: drie cycli.");
  }
  await expect(lotte.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();
  await expect(daan.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();
  // A live caret with the co-author's name.
  const daanLabel = lotte.locator(".collaboration-carets__label", { hasText: "Daan Visser" });
  await expect(daanLabel).toBeVisible();
  // After 3 s it folds into a small flag, so it no longer hides the line above; hovering opens it.
  const labelWidth = async () => (await daanLabel.boundingBox())?.width ?? 0;
  await expect.poll(labelWidth, { timeout: 8000 }).toBeLessThan(12);
  await daanLabel.hover();
  await expect.poll(labelWidth).toBeGreaterThan(40);
  await lotte.mouse.move(0, 0);
  await expect.poll(labelWidth, { timeout: 8000 }).toBeLessThan(12);
  // When Daan types again, his name shows again on the same caret.
  await daan.keyboard.type("Nog een cyclus. ", { delay: 5 });
  await expect.poll(labelWidth).toBeGreaterThan(40);

  // The reader cannot change the text.
  const jeroenMethod = section(jeroen, "Methode en onderzoeksontwerp");
  await expect(jeroenMethod).toHaveAttribute("aria-readonly", "true");
  await expect(jeroen.getByText("Je kunt dit plan lezen maar niet wijzigen.")).toBeVisible();
  await jeroenMethod.click();
  await jeroen.keyboard.type("LEZER");
  await jeroen.keyboard.press("Backspace");
  await jeroen.keyboard.press("Enter");
  await jeroen.keyboard.press("Control+a");
  await jeroen.keyboard.press("Delete");
  await expect(jeroenMethod).not.toContainText("LEZER");
  await expect(jeroenMethod).toContainText("Daan: drie cycli.");
  await expectAccessible(jeroen);

  // The export matches what was written (persisted on the server).
  const md = await (await lotte.request.get(`/api/v1/plans/${plan.id}/export.md`)).text();
  expect(md).toContain("Lotte: ontwerpgericht onderzoek.");
  expect(md).toContain("Daan: drie cycli.");
  expect(md).not.toContain("LEZER");

  for (const page of [lotte, daan, jeroen]) await page.context().close();
});

test("the project page links to the plan, and the plan shows its text before JavaScript", async ({ browser }) => {
  test.setTimeout(90_000); // two or three browsers and axe on a shared 2-core machine
  const page = await signedInPage(browser, "begeleider@demo.nl");
  const plan = await demoPlanId(page);
  // The menu leads to the plans (and so does the dashboard card).
  await page.goto("/");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Plannen" }).click();
  await expect(page).toHaveURL(/\/plannen$/);
  await expectAccessible(page);
  await page.getByRole("link", { name: plan.title }).click();
  await expect(page).toHaveURL(new RegExp(`/plannen/${plan.id}$`));
  await page.getByRole("link", { name: "Terug naar het project" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Researchers and begeleiders each in their own list, every person once.
  await expect(page.getByRole("region", { name: "Begeleiders" }).getByRole("listitem").filter({ hasText: "Annelies de Graaf" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Onderzoekers" })).not.toContainText("Annelies de Graaf");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Open het onderzoeksplan" }).click();
  await expect(page).toHaveURL(new RegExp(`/plannen/${plan.id}$`));
  await expect(page.getByText("Je kunt meelezen en feedback geven")).toBeVisible();

  const noScript = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  const response = await plain.goto(`/plannen/${plan.id}`);
  expect(response?.status()).toBe(200);
  await expect(plain.getByRole("heading", { level: 2, name: "Theoretisch kader" })).toBeVisible();
  await expect(plain.getByText("zelfdeterminatietheorie", { exact: false })).toBeVisible();
  await expect(plain.getByText("Zonder JavaScript kun je het hier alleen lezen", { exact: false })).toBeVisible();
  await noScript.close();

  // Someone without access gets a 404, as if the plan did not exist.
  const stranger = await signedInPage(browser, "student3@demo.nl");
  const hidden = await stranger.goto(`/plannen/${plan.id}`);
  expect(hidden?.status()).toBe(404);
  await stranger.context().close();
  await page.context().close();
});

test("the begeleider comments on selected text and a student answers and resolves it, each seeing the other live", async ({ browser }) => {
  test.setTimeout(90_000); // two or three browsers and axe on a shared 2-core machine
  const annelies = await signedInPage(browser, "begeleider@demo.nl");
  const plan = await demoPlanId(annelies);
  // Lotte has the plan open before the feedback arrives; she never reloads.
  const lotte = await signedInPage(browser, "student@demo.nl");
  await lotte.goto(`/plannen/${plan.id}`);
  await expect(lotte.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();
  await annelies.goto(`/plannen/${plan.id}`);
  await expect(annelies.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();
  const doel = section(annelies, "Doel");
  await expect(doel).toHaveAttribute("aria-readonly", "true");
  // An empty comment is stopped by the browser, with our Dutch message, although this
  // browser's own language is English (Playwright's default en-US).
  const newComment = annelies.getByLabel("Nieuwe reactie bij Doel");
  await annelies.locator("#doel").getByRole("button", { name: "Reactie plaatsen" }).click();
  await expect.poll(() => newComment.evaluate((el: HTMLTextAreaElement) => el.validationMessage)).toBe("Vul dit veld in.");
  // Typing clears the message, or the browser would keep refusing the form.
  await newComment.pressSequentially("M");
  await expect.poll(() => newComment.evaluate((el: HTMLTextAreaElement) => el.validationMessage)).toBe("");
  await newComment.fill("");
  await annelies.locator("#doel").getByRole("button", { name: "Reactie plaatsen" }).click();
  await expect.poll(() => newComment.evaluate((el: HTMLTextAreaElement) => el.validationMessage)).toBe("Vul dit veld in.");
  // Select a sentence in the (read-only) editor, then comment on it. The text arrives
  // without an input event (as from a script or an extension): the first click still posts.
  // Only spaces pass the browser's check; the server's message says what to do.
  await newComment.fill("   ");
  await annelies.locator("#doel").getByRole("button", { name: "Reactie plaatsen" }).click();
  await expect(annelies.locator("#doel").getByRole("alert")).toHaveText("Schrijf eerst je reactie.");
  // With the keyboard only (WCAG 2.1.1): into the text, then Shift+End selects the first line.
  await doel.focus();
  await annelies.keyboard.press("Control+Home");
  await annelies.keyboard.press("Shift+End");
  await expect.poll(() => annelies.evaluate(() => window.getSelection()?.toString().length ?? 0)).toBeGreaterThan(10);
  await newComment.evaluate((el: HTMLTextAreaElement) => (el.value = "Maak het doel meetbaar: wanneer is het gelukt?"));
  await annelies.locator("#doel").getByRole("button", { name: "Reactie plaatsen" }).click();
  await expect(annelies.getByText("Je reactie is geplaatst.")).toBeVisible();
  // The posted form is empty again, the earlier error is gone, and the page stayed put with the focus in the field.
  await expect(newComment).toHaveValue("");
  await expect(annelies.locator("#doel").getByRole("alert")).toHaveCount(0);
  await expect(newComment).toBeFocused();
  expect(new URL(annelies.url()).hash).toBe("");
  const thread = annelies.locator("#doel .plan-thread");
  await expect(thread).toContainText("Maak het doel meetbaar");
  await expect(thread.locator("blockquote")).not.toBeEmpty();
  // The commented text is marked in the editor.
  await expect(doel.locator(".plan-comment-mark")).toHaveCount(1);
  await expectAccessible(annelies);

  const lotteThread = lotte.locator("#doel .plan-thread").filter({ hasText: "Maak het doel meetbaar" });
  await expect(lotteThread).toBeVisible();
  await expect(lotte.getByRole("status").filter({ hasText: "Nieuwe feedback van Annelies de Graaf bij Doel." })).toBeVisible();
  await lotteThread.getByLabel("Antwoord").fill("  ");
  await lotteThread.getByRole("button", { name: "Antwoorden" }).click();
  await expect(lotteThread.getByRole("alert")).toHaveText("Schrijf eerst je reactie.");
  await lotteThread.getByLabel("Antwoord").fill("We voegen een nul- en eindmeting toe.");
  await lotteThread.getByRole("button", { name: "Antwoorden" }).click();
  await expect(lotteThread).toContainText("We voegen een nul- en eindmeting toe.");
  await expect(lotteThread.getByRole("alert")).toHaveCount(0);
  await expect(lotteThread.getByLabel("Antwoord")).toHaveValue("");
  // Annelies sees the answer without reloading.
  await expect(annelies.locator("#doel .plan-thread").filter({ hasText: "Maak het doel meetbaar" })).toContainText(
    "We voegen een nul- en eindmeting toe.",
  );
  await lotteThread.getByRole("button", { name: "Afhandelen" }).click();
  await expect(lotte.getByText("De feedback is afgehandeld.")).toBeVisible();
  // The button went with the thread; the focus is on the section's feedback heading, not lost.
  await expect(lotte.locator("#doel .plan-comments__title")).toBeFocused();
  await expect(lotte.locator("#doel").getByText("Afgehandelde feedback (1)")).toBeVisible();
  await expect(annelies.locator("#doel").getByText("Afgehandelde feedback (1)")).toBeVisible();
  await annelies.context().close();
  await lotte.context().close();
});

test("typed while the connection is down: the text is safe on this device, leaving does not ask, and it is saved once back", async ({ browser }) => {
  const page = await signedInPage(browser, "student2@demo.nl");
  const plan = await demoPlanId(page);
  // The browser's own WebSocket to /collab, cut on demand (the server stays up for the other tests).
  let online = true;
  const sockets: { close: () => Promise<void> }[] = [];
  await page.routeWebSocket(/\/collab\//, (ws) => {
    if (!online) return void ws.close();
    ws.connectToServer();
    sockets.push(ws);
  });
  await page.goto(`/plannen/${plan.id}`);
  const status = page.getByRole("status").filter({ hasText: /Opgeslagen|Offline|Bezig met opslaan/ });
  await expect(status).toHaveText("Opgeslagen");

  online = false;
  for (const ws of sockets.splice(0)) await ws.close();
  await expect(status).toContainText("Offline — je wijzigingen staan veilig op dit apparaat");
  await section(page, "Planning").click();
  await page.keyboard.type("Offline geschreven planning. ");
  await expect(status).toContainText("Zodra er weer verbinding is");

  // The text is in this browser's copy (IndexedDB), so leaving inside the app does not ask.
  const asked: string[] = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await expect(section(page, "Planning")).toContainText("Offline geschreven planning.");

  // Back online: the text is stored.
  online = true;
  await expect(status).toHaveText("Opgeslagen", { timeout: 15_000 });
  const md = await (await page.request.get(`/api/v1/plans/${plan.id}/export.md`)).text();
  expect(md).toContain("Offline geschreven planning.");
  await page.getByRole("link", { name: "Terug naar het project" }).click();
  await expect(page).toHaveURL(/\/projecten\//);
  expect(asked).toHaveLength(0);
  await page.context().close();
});

test("the begeleider signs off the Ethiek & AVG checklist; a later change says out loud that the sign-off lapsed", async ({ browser }) => {
  test.setTimeout(90_000); // two or three browsers and axe on a shared 2-core machine
  const daan = await signedInPage(browser, "student2@demo.nl");
  const annelies = await signedInPage(browser, "begeleider@demo.nl");
  const plan = await demoPlanId(daan);
  for (const page of [daan, annelies]) {
    await page.goto(`/plannen/${plan.id}`);
    await expect(page.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();
  }
  const checklist = (page: Page) => page.getByRole("group", { name: "Checklist Ethiek en AVG" });
  const form = checklist(daan);
  await form.getByRole("group", { name: "Doen er leerlingen mee aan het onderzoek?" }).getByLabel("Ja").check();
  await form.getByLabel("Jonger dan 12 jaar").check();
  await form.getByLabel("Welke gegevens verzamel je, en waarom heb je precies die nodig?").fill("Alleen leesminuten per week, zonder namen.");
  await form.getByLabel("Waar bewaar je de gegevens?").fill("Beveiligde OneDrive van de hogeschool");
  await form.getByLabel("Hoe lang bewaar je de gegevens?").selectOption({ label: "Tot het einde van het onderzoek" });

  const signOff = checklist(annelies).getByRole("button", { name: "Checklist aftekenen" });
  await expect(signOff).toBeEnabled();
  await signOff.click();
  await expect(checklist(annelies)).toContainText("Afgetekend door Annelies de Graaf");
  await expect(form).toContainText("Afgetekend door Annelies de Graaf");
  // The student is told beforehand what a change does.
  await expect(form).toContainText("als je nu een antwoord wijzigt, vervalt de aftekening");

  await form.getByLabel("Hoe lang bewaar je de gegevens?").selectOption({ label: "Vijf jaar na het onderzoek" });
  for (const page of [daan, annelies]) {
    await expect(checklist(page).getByRole("status")).toHaveText("De aftekening is vervallen, omdat de checklist is gewijzigd. De begeleider moet opnieuw aftekenen.");
    await expect(checklist(page)).toContainText("Nog niet afgetekend door de begeleider.");
  }
  await expect(checklist(annelies).getByRole("button", { name: "Checklist aftekenen" })).toBeEnabled();
  await expectAccessible(daan);
  for (const page of [daan, annelies]) await page.context().close();
});
