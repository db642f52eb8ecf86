import type Database from "better-sqlite3";

export type ExtraPlan = { id: string; room: string; projectId: string };

/**
 * Inserts empty plans next to an existing one, straight into the server's
 * SQLite file: each gets its own project at the same question and school,
 * with the given students as members, so the permission module gives them
 * `edit` (and the school's leader `read`) as on the demo plan. For tests and
 * benchmarks that need more rooms than the demo data has.
 */
export function addPlansBeside(
  db: Database.Database,
  besidePlanId: string,
  plans: { title: string; room: string }[],
  studentEmails: string[],
): ExtraPlan[] {
  const beside = db
    .prepare("select pr.question_id as questionId, pr.school_id as schoolId from plans p join projects pr on pr.id = p.project_id where p.id = ?")
    .get(besidePlanId) as { questionId: string; schoolId: string } | undefined;
  if (!beside) throw new Error(`no plan ${besidePlanId}`);
  const students = db
    .prepare(`select id from users where email in (${studentEmails.map(() => "?").join(", ")})`)
    .all(...studentEmails) as { id: string }[];
  if (students.length !== studentEmails.length) throw new Error(`not every student exists: ${studentEmails.join(", ")}`);
  const now = new Date().toISOString();
  const project = db.prepare("insert into projects (id, question_id, school_id, title, created_at) values (?, ?, ?, ?, ?)");
  const member = db.prepare("insert into project_members (project_id, user_id, role, created_at) values (?, ?, 'student', ?)");
  const plan = db.prepare("insert into plans (id, project_id, title, room, created_at) values (?, ?, ?, ?, ?)");
  return db.transaction(() =>
    plans.map(({ title, room }) => {
      const added = { id: crypto.randomUUID(), room, projectId: crypto.randomUUID() };
      project.run(added.projectId, beside.questionId, beside.schoolId, title, now);
      for (const s of students) member.run(added.projectId, s.id, now);
      plan.run(added.id, added.projectId, title, room, now);
      return added;
    }),
  )();
}
