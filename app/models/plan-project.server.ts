import { asc, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { plans, projectMembers, projects, schools, users } from "../../db/schema";
import { planAccess, type PlanAccess } from "../domain/permissions";
import { loadPlanScope } from "./scopes.server";
import { toActor, type CurrentUser } from "./user.server";

export type ProjectView = {
  id: string;
  title: string;
  schoolName: string;
  members: { name: string; role: "student" | "begeleider" | "leraar" }[];
  plan: { id: string; title: string; access: PlanAccess } | null;
};

/**
 * A project as the user may see it, or null (then it must look nonexistent).
 * Seeing a project means having at least read access to its plan: the same
 * people, decided by the same permission rule.
 */
export function loadProjectFor(user: CurrentUser, projectId: string): ProjectView | null {
  if (!projectId || projectId.length > 100) return null;
  const db = getDb();
  const project = db
    .select({ id: projects.id, title: projects.title, schoolName: schools.name })
    .from(projects)
    .innerJoin(schools, eq(schools.id, projects.schoolId))
    .where(eq(projects.id, projectId))
    .get();
  if (!project) return null;
  const plan = db.select().from(plans).where(eq(plans.projectId, project.id)).get();
  // Without a plan there is nothing the permission rule can decide on: hide it.
  const access = plan ? planAccess(toActor(user), loadPlanScope(plan)) : null;
  if (!plan || !access) return null;
  const members = db
    .select({ name: users.name, role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, project.id))
    .orderBy(asc(projectMembers.role), asc(users.name))
    .all();
  return { ...project, members, plan: { id: plan.id, title: plan.title, access } };
}

/** The project id and title of a plan (for the back link); the caller checked access. */
export function projectOfPlan(projectId: string): { id: string; title: string } | null {
  return getDb().select({ id: projects.id, title: projects.title }).from(projects).where(eq(projects.id, projectId)).get() ?? null;
}
