import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { planVersions, projectMembers, users } from "../../db/schema";
import type { PlanCover } from "../domain/plan-cover";
import { planSectionsFromUpdate } from "../domain/plan-document";
import { persistedPlanState } from "./plan-doc.server";
import { schoolNameOf } from "./plan-ethics.server";
import type { PlanRow } from "./plan.server";

/** What the cover of an exported plan shows: who wrote it, where, with whom, and which version. */
export function planCover(plan: PlanRow, now = new Date()): PlanCover {
  const db = getDb();
  const members = db
    .select({ name: users.name, role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, plan.projectId))
    .orderBy(asc(users.name))
    .all();
  const latest = db
    .select({ name: planVersions.name, state: planVersions.state })
    .from(planVersions)
    .where(and(eq(planVersions.planId, plan.id)))
    .orderBy(desc(planVersions.createdAt))
    .limit(1)
    .get();
  // "Current" means the text is what was frozen: compare what a reader sees, not the bytes.
  const same = (a: Uint8Array, b: Uint8Array) => JSON.stringify(planSectionsFromUpdate(a)) === JSON.stringify(planSectionsFromUpdate(b));
  return {
    title: plan.title,
    school: schoolNameOf(plan),
    students: members.filter((m) => m.role === "student").map((m) => m.name),
    begeleiders: members.filter((m) => m.role === "begeleider").map((m) => m.name),
    date: now.toISOString(),
    version: latest ? { name: latest.name, current: same(persistedPlanState(plan.id), new Uint8Array(latest.state)) } : null,
  };
}

/** A date as on a Dutch title page: 7 december 2026. */
export function coverDate(iso: string, locale = "nl"): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }).format(
    new Date(iso),
  );
}
