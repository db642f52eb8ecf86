/**
 * Plans kept in this browser (y-indexeddb, one database per room) so text typed
 * offline survives a closed tab. On a shared computer they must not outlive
 * the session: logging out removes them.
 */
export const LOCAL_PLAN_DB_PREFIX = "samen-onderzoeken:plan:";

export function localPlanDbName(room: string): string {
  return `${LOCAL_PLAN_DB_PREFIX}${room}`;
}

/** Deletes every local plan copy; resolves when done (or at once where IndexedDB is missing). */
export async function clearLocalPlanCopies(): Promise<void> {
  if (typeof indexedDB === "undefined") return;
  let names: string[] = [];
  try {
    names = (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith(LOCAL_PLAN_DB_PREFIX));
  } catch {
    return; // no listing in this browser: the logout response's Clear-Site-Data does it
  }
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}
