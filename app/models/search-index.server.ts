import type { Statement } from "better-sqlite3";
import { getDb } from "../../db/client";
import { stemText } from "../domain/dutch-stem";

/**
 * The stemmed word indexes (migration 0013): triggers queue every changed
 * question and result; this turns the queue into index rows with the Dutch
 * stemmer. Runs at start-up and before every search, so a search always sees
 * every write, whoever made it. Cheap when the queue is empty (one indexed
 * lookup); a second process draining at the same time waits for the write
 * lock and then finds less to do.
 */
const BATCH = 2000;

const SOURCES = {
  question: {
    index: "questions_words",
    select: `select q.rowid as rowid, q.title as title, q.background || ' ' || q.desired_outcome || ' ' || q.sub_questions as body, s.name as school
      from questions q join schools s on s.id = q.school_id where q.rowid = ?`,
  },
  result: {
    index: "results_words",
    select: `select r.rowid as rowid, r.title as title, r.summary || ' ' || r.conclusions || ' ' || r.recommendations as body, s.name as school
      from results r join schools s on s.id = r.school_id where r.rowid = ?`,
  },
} as const;

type Kind = keyof typeof SOURCES;
type SourceRow = { rowid: number; title: string; body: string; school: string };

/** Indexes everything queued; returns how many rows it handled. */
export function syncSearchIndex(): number {
  const sqlite = getDb().$client;
  if (!sqlite.prepare("select 1 from search_queue limit 1").get()) return 0;
  const statements = Object.fromEntries(
    (Object.keys(SOURCES) as Kind[]).map((kind) => [
      kind,
      {
        read: sqlite.prepare(SOURCES[kind].select),
        remove: sqlite.prepare(`delete from ${SOURCES[kind].index} where rowid = ?`),
        add: sqlite.prepare(`insert into ${SOURCES[kind].index} (rowid, title, body, school) values (?, ?, ?, ?)`),
      },
    ]),
  ) as Record<Kind, { read: Statement; remove: Statement; add: Statement }>;
  const take = sqlite.prepare("select kind, row_id from search_queue limit ?");
  const done = sqlite.prepare("delete from search_queue where kind = ? and row_id = ?");
  let handled = 0;
  const batch = sqlite.transaction(() => {
    const queued = take.all(BATCH) as { kind: string; row_id: number }[];
    for (const { kind, row_id } of queued) {
      const s = statements[kind as Kind];
      if (s) {
        s.remove.run(row_id);
        const row = s.read.get(row_id) as SourceRow | undefined;
        if (row) s.add.run(row.rowid, stemText(row.title), stemText(row.body), stemText(row.school));
      }
      done.run(kind, row_id);
    }
    return queued.length;
  });
  for (;;) {
    const n = batch.immediate();
    handled += n;
    if (n < BATCH) return handled;
  }
}
