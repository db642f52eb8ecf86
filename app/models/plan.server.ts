import { eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { partnershipSchools, plans, projectMembers, projects } from "../../db/schema";
import { planAccess, type Actor, type PlanAccess, type PlanScope } from "../domain/permissions";

export type PlanRow = typeof plans.$inferSelect;

/** Everything the permission module needs to decide about one plan. */
export function loadPlanScope(plan: PlanRow): PlanScope {
  const db = getDb();
  const project = db.select().from(projects).where(eq(projects.id, plan.projectId)).get();
  if (!project) return { studentIds: [], begeleiderIds: [], partnershipIds: [], schoolId: null };
  const members = db.select().from(projectMembers).where(eq(projectMembers.projectId, project.id)).all();
  const partnershipIds = db
    .select({ id: partnershipSchools.partnershipId })
    .from(partnershipSchools)
    .where(eq(partnershipSchools.schoolId, project.schoolId))
    .all()
    .map((r) => r.id);
  return {
    schoolId: project.schoolId,
    partnershipIds,
    studentIds: members.filter((m) => m.role === "student").map((m) => m.userId),
    begeleiderIds: members.filter((m) => m.role === "begeleider").map((m) => m.userId),
  };
}

export function findPlanById(id: string): PlanRow | undefined {
  if (!id || id.length > 100) return undefined;
  return getDb().select().from(plans).where(eq(plans.id, id)).get();
}

export function findPlanByRoom(room: string): PlanRow | undefined {
  if (!room || room.length > 200) return undefined;
  return getDb().select().from(plans).where(eq(plans.room, room)).get();
}

/** The actor's access to a plan, or null (then the plan must look nonexistent). */
export function accessToPlan(actor: Actor, plan: PlanRow): PlanAccess | null {
  return planAccess(actor, loadPlanScope(plan));
}

/** Every plan the actor may open, with their access level. */
export function listPlansFor(actor: Actor): { plan: PlanRow; access: PlanAccess }[] {
  const db = getDb();
  const all = db.select().from(plans).all();
  if (all.length === 0) return [];
  const projectRows = db.select().from(projects).where(inArray(projects.id, all.map((p) => p.projectId))).all();
  const memberRows = db.select().from(projectMembers).all();
  const links = db.select().from(partnershipSchools).all();
  const result: { plan: PlanRow; access: PlanAccess }[] = [];
  for (const plan of all) {
    const project = projectRows.find((p) => p.id === plan.projectId);
    if (!project) continue;
    const members = memberRows.filter((m) => m.projectId === project.id);
    const access = planAccess(actor, {
      schoolId: project.schoolId,
      partnershipIds: links.filter((l) => l.schoolId === project.schoolId).map((l) => l.partnershipId),
      studentIds: members.filter((m) => m.role === "student").map((m) => m.userId),
      begeleiderIds: members.filter((m) => m.role === "begeleider").map((m) => m.userId),
    });
    if (access) result.push({ plan, access });
  }
  return result.sort((a, b) => a.plan.title.localeCompare(b.plan.title, "nl"));
}
