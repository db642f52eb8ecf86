import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { plans } from "../../db/schema";
import { planAccess, type Actor, type PlanAccess } from "../domain/permissions";
import { planScopes } from "./scopes.server";

export type PlanRow = typeof plans.$inferSelect;

export function findPlanById(id: string): PlanRow | undefined {
  if (!id || id.length > 100) return undefined;
  return getDb().select().from(plans).where(eq(plans.id, id)).get();
}

export function findPlanByRoom(room: string): PlanRow | undefined {
  if (!room || room.length > 200) return undefined;
  return getDb().select().from(plans).where(eq(plans.room, room)).get();
}

/** Every plan the actor may open, with their access level. */
export function listPlansFor(actor: Actor): { plan: PlanRow; access: PlanAccess }[] {
  const all = getDb().select().from(plans).all();
  const scopes = planScopes(all);
  const result: { plan: PlanRow; access: PlanAccess }[] = [];
  for (const plan of all) {
    const access = planAccess(actor, scopes.get(plan.id)!);
    if (access) result.push({ plan, access });
  }
  return result.sort((a, b) => a.plan.title.localeCompare(b.plan.title, "nl"));
}
