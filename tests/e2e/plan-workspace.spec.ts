import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, expectAccessible, login, test } from "./fixtures";

/** Issue 24: table of contents, offline that survives a closed tab, phone layout, suggestions. */

const SHOTS = process.env.PLAN_SHOTS_DIR; // set to save the screenshots looked at in review

async function signedIn(browser: Browser, email: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, viewport });
  const page = await context.newPage();
  await login(page, email);
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}

async function demoPlanId(page: Page): Promise<string> {
  const body = (await (await page.request.get("/api/v1/plans")).json()) as { plans: { id: string; title: string }[] };
  const plan = body.plans.find((p) => p.title.includes("leesmotivatie"));
  if (!plan) throw new Error("demo plan not listed");
  return plan.id;
}

const status = (page: Page) => page.getByRole("status").filter({ hasText: /Opgeslagen|Offline|Bezig met opslaan|Verbinden/ });
const editor = (page: Page, heading: string) => page.getByRole("textbox", { name: `Tekst van ${heading}` });
const shot = async (page: Page, name: string, fullPage = false) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
};

test("the table of contents jumps to a section and shows each section's state", async ({ browser }) => {
  test.setTimeout(60_000);
  const { context, page } = await signedIn(browser, "student@demo.nl");
  const planId = await demoPlanId(page);
  await page.goto(`/plannen/${planId}`);
  const toc = page.getByRole("navigation", { name: "Inhoud van het plan" });
  await expect(toc.getByRole("link")).toHaveCount(13);
  await expect(toc.getByRole("link", { name: /Aanleiding/ })).toContainText("geschreven");
  await expect(toc.getByRole("link", { name: /Implementatie/ })).toContainText("nog leeg");
  await expect(status(page)).toHaveText("Opgeslagen");
  await toc.getByRole("link", { name: /Analyse/ }).click();
  await expect(page).toHaveURL(/#analyse$/);
  await expect(page.locator("#analyse")).toBeInViewport();
  // The table of contents stays in view (sticky) while the page scrolled far down.
  await expect(toc).toBeInViewport();
  await shot(page, "plan-1280-toc");
  await expectAccessible(page);
  // Editors arrive one at a time (the section in view first); all thirteen within moments.
  await expect(page.locator('.plan-editor__content[contenteditable="true"]')).toHaveCount(13);
  // A link to a section far down: that section is the first to become editable, and typing works.
  const fresh = await context.newPage();
  await fresh.goto(`/plannen/${planId}#planning`);
  await expect(editor(fresh, "Planning")).toHaveAttribute("contenteditable", "true");
  await expect(fresh.locator("#planning")).toBeInViewport();
  await context.close();
});

test("typed offline: safe on this device within 5 s, survives closing the tab, reaches the server when back", async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page } = await signedIn(browser, "student2@demo.nl");
  const planId = await demoPlanId(page);
  // The same session from outside the offline browser, to ask the server what it has.
  const outside = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, storageState: await context.storageState() });
  await page.goto(`/plannen/${planId}`);
  await expect(status(page)).toHaveText("Opgeslagen");

  await context.setOffline(true);
  await expect(status(page)).toContainText("Offline — je wijzigingen staan veilig op dit apparaat", { timeout: 5_000 });
  await editor(page, "Implementatie").click();
  await page.keyboard.type("Offline bedacht: een leesclub per groep. ");
  await expect(editor(page, "Implementatie")).toContainText("Offline bedacht: een leesclub per groep.");
  await shot(page, "plan-offline-status");

  // Nothing reached the server.
  const before = await (await outside.request.get(`/api/v1/plans/${planId}/export.md`)).text();
  expect(before).not.toContain("Offline bedacht");

  // Closing does not ask: the text is in this browser's copy, not only in the tab's memory.
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.type());
    void d.accept(); // leave anyway, so the test fails on the assertion below rather than hanging
  });
  await page.waitForTimeout(300); // the IndexedDB write of the last keystroke
  // With runBeforeUnload, close() returns before the tab is gone; changing the context's network
  // while the tab is still closing fails with "Target page ... has been closed" (seen in CI).
  const closed = page.waitForEvent("close");
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(dialogs).toEqual([]);

  // Later, online again: the page opens, finds the copy and syncs it.
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(`/plannen/${planId}`);
  await expect(editor(again, "Implementatie")).toContainText("Offline bedacht: een leesclub per groep.");
  await expect(status(again)).toHaveText("Opgeslagen", { timeout: 15_000 });
  await expect
    .poll(async () => (await (await outside.request.get(`/api/v1/plans/${planId}/export.md`)).text()).includes("Offline bedacht: een leesclub per groep."))
    .toBe(true);
  await outside.close();

  // Logging out removes the copy (shared computers).
  const before2 = await again.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.includes(":plan:")).length);
  expect(before2).toBeGreaterThan(0);
  await again.getByRole("button", { name: "Uitloggen" }).click();
  await expect(again).toHaveURL(/\/login/);
  const after = await again.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.includes(":plan:")).length);
  expect(after).toBe(0);
  await context.close();
});

test("on a 320 px phone: a menu button, status and menus in reach, and no plan page scrolls sideways", async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page } = await signedIn(browser, "student@demo.nl", { width: 320, height: 640 });
  const planId = await demoPlanId(page);
  await page.goto(`/plannen/${planId}`);
  await expect(status(page)).toHaveText("Opgeslagen");

  // The site navigation is one button.
  const mainNav = page.getByRole("navigation", { name: "Hoofdmenu" });
  await expect(mainNav.getByRole("link", { name: "Plannen" })).toBeHidden();
  await mainNav.getByRole("button", { name: "Hoofdmenu" }).click();
  await expect(mainNav.getByRole("link", { name: "Plannen" })).toBeVisible();
  await shot(page, "plan-320-menu");
  await mainNav.getByRole("button", { name: "Hoofdmenu" }).click();

  // Table of contents as a menu in the sticky bar; choosing closes it.
  const contents = page.getByRole("button", { name: "Inhoud" });
  await contents.click();
  await expect(contents).toHaveAttribute("aria-expanded", "true");
  await shot(page, "plan-320-toc-open");
  await page.getByRole("navigation", { name: "Inhoud van het plan" }).getByRole("link", { name: /Planning/ }).click();
  await expect(page).toHaveURL(/#planning$/);
  await expect(contents).toHaveAttribute("aria-expanded", "false");
  // Far down the page, the status and the presence button are still on screen.
  await expect(status(page)).toBeInViewport();
  await expect(page.getByRole("button", { name: /Aanwezig/ })).toBeInViewport();
  await shot(page, "plan-320-editing");
  await expectAccessible(page);
  // An open menu drops down over the text: the buttons stay put, and Escape closes it.
  const presence = page.getByRole("button", { name: /Aanwezig/ });
  const before = await contents.boundingBox();
  await presence.click();
  await expect(page.getByText("Alleen jij")).toBeVisible();
  expect(await contents.boundingBox()).toEqual(before);
  await page.keyboard.press("Escape");
  await expect(presence).toHaveAttribute("aria-expanded", "false");
  await expect(presence).toBeFocused();

  // A version to look at.
  await page.goto(`/plannen/${planId}/versies`);
  await page.getByLabel("Naam van de versie").fill("Telefoonversie");
  await page.getByRole("button", { name: "Versie vastleggen" }).click();
  await expect(page.getByRole("link", { name: "Telefoonversie" })).toBeVisible();
  const versionHref = await page.getByRole("link", { name: "Telefoonversie" }).getAttribute("href");

  for (const path of ["", "/afdrukken", "/versies", versionHref!.replace(`/plannen/${planId}`, ""), "/reacties", "/ethiek"]) {
    await page.goto(`/plannen/${planId}${path}`);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `sideways scroll on /plannen/:id${path}`).toBeLessThanOrEqual(0);
  }
  await page.goto(`/plannen/${planId}/afdrukken`);
  await shot(page, "plan-320-print-cover");
  await context.close();
});

test("a begeleider suggests new text; an author accepts it with one click", async ({ browser }) => {
  test.setTimeout(90_000);
  const lotte = await signedIn(browser, "student@demo.nl");
  const annelies = await signedIn(browser, "begeleider@demo.nl");
  const planId = await demoPlanId(lotte.page);
  await lotte.page.goto(`/plannen/${planId}`);
  await expect(status(lotte.page)).toHaveText("Opgeslagen");
  await editor(lotte.page, "Analyse").click();
  await lotte.page.keyboard.type("We tellen hoe vaak iets voorkomt.");
  await expect(status(lotte.page)).toHaveText("Opgeslagen");

  await annelies.page.goto(`/plannen/${planId}`);
  const analyse = editor(annelies.page, "Analyse");
  await expect(analyse).toContainText("We tellen hoe vaak iets voorkomt.");
  // The begeleider reads: the text is not dressed as a field to type in.
  await expect(analyse).toHaveCSS("border-top-color", "rgba(0, 0, 0, 0)");
  await analyse.focus();
  await annelies.page.keyboard.press("Control+Home");
  await annelies.page.keyboard.press("Shift+End");
  const section = annelies.page.locator("#analyse");
  await section.getByLabel("Nieuwe reactie bij Analyse").fill("Kies een analysemethode die bij je vraag past.");
  await section.getByLabel("Voorstel voor nieuwe tekst (optioneel)").fill("We coderen de interviews thematisch en tellen de leesminuten.");
  await section.getByRole("button", { name: "Reactie plaatsen" }).click();
  await expect(annelies.page.getByText("Je reactie is geplaatst.")).toBeVisible();
  await expect(section.getByRole("button", { name: "Voorstel overnemen" })).toHaveCount(0); // comment access: no accepting

  const thread = lotte.page.locator("#analyse .plan-thread").filter({ hasText: "Kies een analysemethode" });
  await expect(thread).toContainText("We coderen de interviews thematisch");
  await thread.scrollIntoViewIfNeeded();
  await shot(lotte.page, "plan-suggestion");
  await thread.getByRole("button", { name: "Voorstel overnemen" }).click();
  await expect(editor(lotte.page, "Analyse")).toHaveText("We coderen de interviews thematisch en tellen de leesminuten.");
  await expect(lotte.page.getByText("Het voorstel staat nu in de tekst.")).toBeVisible();
  // The begeleider sees it too (with Lotte's caret label beside it).
  await expect(editor(annelies.page, "Analyse")).toContainText("We coderen de interviews thematisch en tellen de leesminuten.");
  await expect(editor(annelies.page, "Analyse")).not.toContainText("We tellen hoe vaak");
  await expect(status(lotte.page)).toHaveText("Opgeslagen");
  const md = await (await lotte.page.request.get(`/api/v1/plans/${planId}/export.md`)).text();
  expect(md).toContain("We coderen de interviews thematisch en tellen de leesminuten.");
  expect(md).not.toContain("We tellen hoe vaak iets voorkomt.");
  await expectAccessible(lotte.page);
  await lotte.context.close();
  await annelies.context.close();
});
