import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "samen-onderzoeken";

export const test = base.extend({
  // The server listens on an ephemeral port chosen in global-setup.
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
});

export { expect };

/** Fails on any serious or critical WCAG 2.1 A/AA violation on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

/**
 * Signs in. Through the form when the form is what is tested (`viaForm`, and
 * always for an attempt meant to fail, `expectFailure`), and then waits until
 * the app has left the login page. Otherwise the same POST /login goes over
 * HTTP in the page's own cookie jar and the page opens where the form would
 * have sent it: the form itself is covered in auth.spec, and filling it in for
 * every one of ~60 sign-ins cost about a minute of the suite.
 */
export async function login(page: Page, email: string, password = DEMO_PASSWORD, { expectFailure = false, viaForm = false } = {}) {
  if (!expectFailure && !viaForm) {
    const response = await page.request.post("/login", { form: { email, password }, maxRedirects: 0 });
    expect([302, 303], `sign-in as ${email} answered ${response.status()}`).toContain(response.status());
    await page.goto(response.headers()["location"] ?? "/");
    await expect(page, "still on the login page after signing in").not.toHaveURL(/\/login/);
    return;
  }
  await page.goto("/login");
  // /login sends a signed-in browser away; say so at once rather than time out looking for the form.
  await expect(page, "still signed in: /login redirected").toHaveURL(/\/login/);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  if (!expectFailure) await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/**
 * The link in the newest mail of a kind queued for an address (issue 21: links travel only by
 * mail; the e2e server has no SMTP server, so the mail waits in the queue, where the worker would
 * pick it up).
 */
export async function queuedMailLink(to: string, kind: "invitation" | "password-reset", pattern: RegExp): Promise<string> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true });
  try {
    const row = db.prepare("select text from mail_queue where to_address = ? and kind = ? order by created_at desc, rowid desc limit 1").get(to.toLowerCase(), kind) as { text: string } | undefined;
    const match = row ? pattern.exec(row.text) : null;
    if (!match) throw new Error(`no ${kind} mail queued for ${to}`);
    return new URL(match[0]).pathname;
  } finally {
    db.close();
  }
}
