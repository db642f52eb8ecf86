import { getDb, type DbOrTx } from "../../db/client";
import { plans, projectMembers, projects } from "../../db/schema";

/**
 * Research projects and who works on them. A project owns one plan (a Yjs
 * document in its own room). Every writer takes the database or an open
 * transaction; permission checks are the caller's.
 */

export type ProjectRole = (typeof projectMembers.$inferInsert)["role"];

/** A project for a question, with its (empty) plan. */
export function createProject(
  input: { questionId: string; schoolId: string; title: string; planTitle?: string },
  db: DbOrTx = getDb(),
): { projectId: string; planId: string } {
  const project = db
    .insert(projects)
    .values({ questionId: input.questionId, schoolId: input.schoolId, title: input.title })
    .returning({ id: projects.id })
    .get();
  const plan = db
    .insert(plans)
    // The room name is random so it cannot be guessed (contract 6.6).
    .values({ projectId: project.id, title: (input.planTitle ?? `Onderzoeksplan: ${input.title}`).slice(0, 300), room: `plan-${crypto.randomUUID()}` })
    .returning({ id: plans.id })
    .get();
  return { projectId: project.id, planId: plan.id };
}

/** Adds a student or a begeleider; adding someone twice changes nothing. */
export function addProjectMember(projectId: string, userId: string, role: ProjectRole, db: DbOrTx = getDb()): void {
  db.insert(projectMembers).values({ projectId, userId, role }).onConflictDoNothing().run();
}
