import Database from "better-sqlite3";
import { expect, expectAccessible, login, test } from "./fixtures";

test("student ranks → programmaleider runs and publishes → student and school accept → project and plan exist", async ({ page, browser }) => {
  test.setTimeout(120_000); // four people in four browser contexts
  // The student: rank three open questions, best first.
  await login(page, "student3@demo.nl");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Matching" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Matchingronde voorjaar 2027/ })).toBeVisible();
  await expectAccessible(page);
  const first = page.getByLabel("1e keuze");
  const options = await first.locator("option").allTextContents();
  await first.selectOption({ label: options[1]! });
  await page.getByLabel("2e keuze").selectOption({ label: options[2]! });
  await page.getByRole("button", { name: "Keuzes opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je keuzes zijn opgeslagen." })).toBeVisible();
  await expect(page.getByLabel("1e keuze").locator("option:checked")).toHaveText(options[1]!);

  // The programme leader: run and publish.
  const leadContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const lead = await leadContext.newPage();
  await login(lead, "programmaleider@demo.nl");
  await lead.goto("/matching");
  await expect(lead.getByText(/studenten hebben gerangschikt/)).toBeVisible();
  await expectAccessible(lead);
  await lead.getByRole("button", { name: "Toewijzing berekenen" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "De toewijzing is berekend" })).toBeVisible();
  await expect(lead.getByRole("heading", { name: "Profiel" })).toBeVisible();
  // Publishing asks for an explicit confirmation of the summary (issue 20).
  await lead.getByLabel(/Ik heb de samenvatting gecontroleerd/).check();
  await lead.getByRole("button", { name: "Ronde publiceren" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "De ronde is gepubliceerd" })).toBeVisible();
  await leadContext.close();

  // Which student got a place? The demo student3 if placed, else the first placed student.
  const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true });
  const placed = db
    .prepare(
      `select u.email, u.name, q.school_id, q.title from round_assignments a join users u on u.id = a.student_id
       join questions q on q.id = a.question_id order by (u.email = 'student3@demo.nl') desc limit 1`,
    )
    .get() as { email: string; name: string; school_id: string; title: string };
  const schoolLeader = (
    db.prepare("select u.email from memberships m join users u on u.id = m.user_id where m.school_id = ? and m.role = 'schoolleider'").get(placed.school_id) as {
      email: string;
    }
  ).email;
  db.close();

  const studentContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const student = await studentContext.newPage();
  await login(student, placed.email);
  await student.goto("/matching");
  await expect(student.getByText(`Je bent geplaatst bij: ${placed.title}`)).toBeVisible();
  await student.getByRole("button", { name: "Accepteren", exact: true }).click();
  await expect(student.getByRole("status").filter({ hasText: "Je hebt het voorstel geaccepteerd." })).toBeVisible();

  const schoolContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const school = await schoolContext.newPage();
  await login(school, schoolLeader);
  await school.goto("/matching");
  await expect(school.getByRole("heading", { name: "Voorstellen voor je school" })).toBeVisible();
  await expectAccessible(school);
  await school.getByRole("row", { name: new RegExp(placed.name) }).getByRole("button", { name: /Accepteren/ }).click();
  await expect(school.getByRole("status").filter({ hasText: "geaccepteerd" })).toBeVisible();
  await schoolContext.close();

  await student.goto("/matching");
  await student.getByRole("link", { name: "Naar je project" }).click();
  await expect(student).toHaveURL(/\/projecten\//);
  await expect(student.getByRole("heading", { level: 1 })).toBeVisible();
  await studentContext.close();
});
