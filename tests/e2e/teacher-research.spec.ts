import fs from "node:fs";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, login, test } from "./fixtures";

/**
 * Teacher research in the browser (issue 20): the schoolleider gives an open
 * question to teachers of the school, and a teacher opens and writes the plan.
 * Its own question (set-up below); the demo accounts are only signed in with.
 */
const SHOTS = "/tmp/shots-teacher-research";

function db() {
  const handle = new Database(process.env.E2E_DATABASE_PATH!);
  handle.pragma("busy_timeout = 5000");
  return handle;
}

/** Set-up: an open question of school A1 of this run, and a leraar of A1 the other specs do not sign in with. */
function setUp(run: string) {
  const handle = db();
  try {
    const school = handle
      .prepare("select m.school_id as id from memberships m join users u on u.id = m.user_id where u.email = 'schoolleider@demo.nl' and m.role = 'schoolleider'")
      .get() as { id: string };
    const author = handle.prepare("select id from users where email = 'schoolleider@demo.nl'").get() as { id: string };
    const teachers = handle
      .prepare("select u.email, u.name from users u join memberships m on m.user_id = u.id where m.school_id = ? and m.role = 'leraar' and u.disabled_at is null order by u.email")
      .all(school.id) as { email: string; name: string }[];
    // scan.spec signs in with the first two teachers of A1; take another one where there is one.
    const teacher = teachers[2] ?? teachers[teachers.length - 1]!;
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    const title = `Hoe leren leerlingen van elkaars feedback in de onderbouw? (${run})`;
    handle
      .prepare(
        `insert into questions (id, school_id, author_id, title, background, desired_outcome, sector, school_year, status, supervision_external, created_at, updated_at)
         values (?, ?, ?, ?, 'Het team wil zelf onderzoeken hoe feedback landt.', 'Een gedeelde werkwijze.', 'po', '2026-2027', 'open', 1, ?, ?)`,
      )
      .run(id, school.id, author.id, title, now, now);
    return { questionId: id, title, teacher };
  } finally {
    handle.close();
  }
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

test("the schoolleider starts research by teachers; the teacher finds the plan and writes in it", async ({ page }) => {
  test.setTimeout(120_000); // generous under load; about 20 s on an idle machine
  fs.mkdirSync(SHOTS, { recursive: true });
  const run = Date.now().toString(36);
  const { questionId, title, teacher } = setUp(run);

  await login(page, "schoolleider@demo.nl");
  await page.goto(`/vragen/${questionId}`);
  await page.getByRole("link", { name: "Onderzoek door leraren" }).click();
  await expect(page).toHaveURL(new RegExp(`/vragen/${questionId}/leraren$`));
  await expect(page.getByRole("heading", { level: 1, name: "Onderzoek door leraren" })).toBeVisible();
  await expectAccessible(page);

  // Nothing chosen: the browser sends it (no required field), the server answers at the field.
  await page.getByRole("button", { name: "Onderzoek door leraren starten" }).click();
  await expect(page.getByText("Kies minstens één leraar of een lab.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("checkbox", { name: new RegExp(teacher.name) }).check();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/start-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await noSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/start-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Onderzoek door leraren starten" }).click();

  await expect(page).toHaveURL(/\/projecten\//);
  await expect(page.getByRole("status").filter({ hasText: "Het onderzoek door leraren is gestart." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Onderzoekers" })).toContainText(`${teacher.name} (leraar-onderzoeker)`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL(/\/login|\/$/);

  // The teacher: the dashboard says "Mijn plan", the plan opens for writing.
  await login(page, teacher.email);
  await page.goto("/");
  const planLink = page.getByRole("link", { name: new RegExp(`Mijn plan: ‘Onderzoeksplan: ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}’ — verder schrijven`) });
  await expect(planLink).toBeVisible();
  await planLink.click();
  await expect(page.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();
  const aanleiding = page.getByRole("textbox", { name: "Tekst van Aanleiding" });
  await aanleiding.click();
  await page.keyboard.type("Wij leraren onderzoeken dit zelf. ", { delay: 5 });
  await expect(page.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible({ timeout: 15_000 });
  await expect(aanleiding).toContainText("Wij leraren onderzoeken dit zelf.");
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/teacher-plan-1280.png` });

  // In /plannen as well, with edit access.
  await page.goto("/plannen");
  await expect(page.getByRole("link", { name: new RegExp(title.slice(0, 30)) })).toBeVisible();
});
