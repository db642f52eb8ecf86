import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb, openDatabase } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { seedDemo } from "../../scripts/seed/index";
import { erasePerson } from "../../app/models/erasure.server";
import { applyChangeToStoredPlan } from "../../app/models/plan-live.server";
import { PLAN_SIGNALS_MAP } from "../../app/domain/plan-template";
import { percentile, round } from "./stats";

/**
 * `npm run bench -- erasure` (issue 22): erasing a person with 1,000 comments
 * on the demo plan, a signal naming them inside the plan document and 200
 * audit entries; the goal is absolute, under 2 s. Each round seeds a fresh demo
 * database. The reference is erasing a person with none of that in the same
 * database (what the fixed cost is); the noise floor is how far two such
 * reference erasures differ. BENCH_ERASURE_ROUNDS (5), BENCH_ERASURE_COMMENTS (1000).
 */
const ROUNDS = Math.max(5, Number(process.env.BENCH_ERASURE_ROUNDS ?? 5));
const COMMENTS = Number(process.env.BENCH_ERASURE_COMMENTS ?? 1000);

function addPerson(sqlite: ReturnType<typeof getDb>["$client"], name: string, email: string): string {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  sqlite.prepare("insert into users (id, email, name, created_at) values (?, ?, ?, ?)").run(id, email, name, now);
  const institute = (sqlite.prepare("select id from institutes limit 1").get() as { id: string }).id;
  sqlite.prepare("insert into memberships (id, user_id, role, institute_id, created_at) values (?, ?, 'instituutsopleider', ?, ?)").run(crypto.randomUUID(), id, institute, now);
  return id;
}

function addTraces(sqlite: ReturnType<typeof getDb>["$client"], userId: string, name: string, email: string, planId: string, comments: number) {
  const now = new Date().toISOString();
  const insertComment = sqlite.prepare(
    "insert into plan_comments (id, plan_id, parent_id, section_id, anchor, quote, body, author_id, created_at) values (?, ?, null, 'methode', null, '', ?, ?, ?)",
  );
  const insertAudit = sqlite.prepare("insert into audit_log (at, event, actor_user_id, subject_user_id, email, ip, detail) values (?, 'login.success', ?, ?, ?, '127.0.0.1', '{}')");
  sqlite.transaction(() => {
    for (let i = 0; i < comments; i++) insertComment.run(crypto.randomUUID(), planId, `Reactie ${i} van de begeleider`, userId, now);
    for (let i = 0; i < 200; i++) insertAudit.run(now, userId, userId, email);
  })();
  applyChangeToStoredPlan(planId, userId, (doc) =>
    doc.getMap(PLAN_SIGNALS_MAP).set("comments", { at: now, byId: userId, byName: name, sectionId: "methode", intent: "create" }),
  );
}

export async function runErasureBench(): Promise<Record<string, string | number>[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "so-bench-erasure-"));
  const withComments: number[] = [];
  const reference: number[] = [];
  const referenceAgain: number[] = [];
  try {
    for (let r = 1; r <= ROUNDS; r++) {
      const file = path.join(dir, `round-${r}.db`);
      const seeded = openDatabase(file);
      runMigrations(seeded);
      await seedDemo(seeded);
      seeded.$client.close();
      process.env.DATABASE_PATH = file;
      const sqlite = getDb().$client;
      const planId = (sqlite.prepare("select id from plans order by created_at limit 1").get() as { id: string }).id;
      const heavy = addPerson(sqlite, "Bench Begeleider", `bench-${r}@example.nl`);
      addTraces(sqlite, heavy, "Bench Begeleider", `bench-${r}@example.nl`, planId, COMMENTS);
      const light = [addPerson(sqlite, "Leeg Een", `leeg1-${r}@example.nl`), addPerson(sqlite, "Leeg Twee", `leeg2-${r}@example.nl`)];

      let t = performance.now();
      erasePerson(light[0]!, { id: null });
      reference.push(performance.now() - t);
      t = performance.now();
      const result = erasePerson(heavy, { id: null });
      withComments.push(performance.now() - t);
      t = performance.now();
      erasePerson(light[1]!, { id: null });
      referenceAgain.push(performance.now() - t);
      if (result?.status !== "erased" || result.plansScrubbed !== 1) throw new Error(`erasure did not scrub the plan: ${JSON.stringify(result)}`);
      const left = (sqlite.prepare("select count(*) as n from plan_comments where author_id = ?").get(heavy) as { n: number }).n;
      if (left !== COMMENTS) throw new Error("comments must stay (shared work)");
      closeDb();
      console.log(`round ${r}: ${round(withComments.at(-1)!)} ms (reference ${round(reference.at(-1)!)} ms)`);
    }
  } finally {
    closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { medianMs: round(percentile(s, 50)), maxMs: round(s.at(-1)!) };
  };
  const noise = reference.map((x, i) => Math.abs(x - referenceAgain[i]!));
  return [
    { case: `erase a person with ${COMMENTS} comments`, rounds: ROUNDS, ...stats(withComments), goalMs: 2000, withinGoal: stats(withComments).maxMs < 2000 ? "yes" : "NO" },
    { case: "reference: erase a person with no traces", rounds: ROUNDS, ...stats(reference), goalMs: "-", withinGoal: "-" },
    { case: "noise floor: |reference − second reference|", rounds: ROUNDS, ...stats(noise), goalMs: "-", withinGoal: "-" },
  ];
}
