import * as Y from "yjs";
import { ETHICS_SIGNOFF_MAP, PLAN_SIGNALS_MAP } from "./plan-template";

/**
 * What an erased person becomes wherever they were shown (AVG art. 17,
 * record 0024). The users row stays, so shared work keeps its author links;
 * the name is replaced and the email becomes a unique address that can
 * never receive mail (`.invalid` is reserved by RFC 2606).
 */
export const ERASED_NAME = "Verwijderde gebruiker";

export function erasedEmail(userId: string): string {
  return `verwijderd-${userId}@verwijderd.invalid`;
}

export function isErasedEmail(email: string): boolean {
  return email.endsWith("@verwijderd.invalid");
}

/**
 * The plan document keeps a few records that name who did something (record
 * 0018): the signals map (last comment, last restore) and the ethics sign-off.
 * Rewrites every one of them that names `userId` to the erased name, inside the
 * caller's transaction. Returns how many were rewritten. With `gc` on, the old
 * values are garbage-collected, so the next encoded state no longer holds them.
 */
export function scrubPlanDocument(doc: Y.Doc, userId: string): number {
  let changed = 0;
  for (const mapName of [PLAN_SIGNALS_MAP, ETHICS_SIGNOFF_MAP]) {
    const map = doc.getMap(mapName);
    for (const [key, value] of map.entries()) {
      if (!value || typeof value !== "object" || Array.isArray(value)) continue;
      const record = value as Record<string, unknown>;
      if (record.byId !== userId) continue;
      const next: Record<string, unknown> = { ...record };
      if ("byName" in next) next.byName = ERASED_NAME;
      if ("name" in next) next.name = ERASED_NAME;
      map.set(key, next);
      changed++;
    }
  }
  return changed;
}

/** Re-encodes a frozen state (a plan version) with the person's name scrubbed; null when nothing named them. */
export function scrubPlanState(state: Uint8Array, userId: string): Uint8Array | null {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, state);
    let changed = 0;
    doc.transact(() => {
      changed = scrubPlanDocument(doc, userId);
    });
    return changed > 0 ? Y.encodeStateAsUpdate(doc) : null;
  } finally {
    doc.destroy();
  }
}
