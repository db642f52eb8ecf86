import type * as Y from "yjs";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "../../db/client";
import { plans, projectMembers } from "../../db/schema";
import { ETHICS_MAP, ETHICS_SIGNOFF_MAP, readEthicsFromDoc } from "../domain/plan-ethics";
import { logger } from "../utils/logger.server";
import { notify } from "./notify.server";

const log = logger.child({ module: "ethics-lapse" });

/**
 * "Nobody waits in silence" (issue 20): the begeleider's sign-off of the
 * Ethiek & AVG checklist holds only while the answers are the signed ones
 * (record 0018). When a change makes it lapse, the project's students,
 * teacher authors and begeleiders are told — everyone but the person who
 * changed the answer. Called after the change is stored, never before.
 */
export function announceEthicsLapsed(planId: string, changedById: string | null): void {
  const db = getDb();
  const plan = db.select({ projectId: plans.projectId, title: plans.title }).from(plans).where(eq(plans.id, planId)).get();
  if (!plan) return;
  const members = db
    .selectDistinct({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, plan.projectId), changedById ? ne(projectMembers.userId, changedById) : undefined))
    .all();
  db.transaction((tx) => {
    for (const m of members) notify(tx, { userId: m.userId, kind: "plan.ethicsLapsed", params: { title: plan.title }, link: `/plannen/${planId}#ethiek` });
  });
}

export function ethicsSignedIn(doc: Y.Doc): boolean {
  return !!readEthicsFromDoc(doc).signedOff;
}

/**
 * Watches one live plan document for a lapsing sign-off. Only a change to the
 * checklist or the sign-off marks it for a look (typing in the text does
 * not); the look happens after the room has stored the change.
 */
export class EthicsLapseWatch {
  private signed: boolean;
  private dirty = false;
  private readonly mark = () => {
    this.dirty = true;
  };

  constructor(
    private readonly planId: string,
    private readonly doc: Y.Doc,
  ) {
    this.signed = ethicsSignedIn(doc);
    doc.getMap(ETHICS_MAP).observeDeep(this.mark);
    doc.getMap(ETHICS_SIGNOFF_MAP).observeDeep(this.mark);
  }

  /** After a batch is stored: tell the project when the sign-off stopped holding. Never throws (the text is saved either way). */
  afterPersist(userIds: readonly (string | null)[]): void {
    if (!this.dirty) return;
    this.dirty = false;
    const now = ethicsSignedIn(this.doc);
    const lapsed = this.signed && !now;
    this.signed = now;
    if (!lapsed) return;
    try {
      announceEthicsLapsed(this.planId, [...userIds].reverse().find((id) => !!id) ?? null);
    } catch (error) {
      log.error({ err: error, planId: this.planId }, "melding over vervallen aftekening mislukt");
    }
  }
}
