import Database from "better-sqlite3";
import { Client } from "../support/http";
import { startSmtp } from "../support/mail";
import { startServer } from "../support/server";
import { percentile, round } from "./stats";

/**
 * `npm run bench -- mail` (record 0022). Two figures, pooled over ROUNDS rounds:
 * 1. worker throughput: MAILS rows put in the queue at once, timed until the
 *    local SMTP server (smtp-server) has received all of them (goal ≥ 50/s);
 * 2. the causing request: p95 of POST /beheer/uitnodigingen (queues a mail in
 *    its transaction) on a server that sends (SMTP_URL set) against one where
 *    mail only waits (no SMTP_URL), requests alternated in the same run; the
 *    noise floor is the p95 ratio between the two halves of the no-SMTP run.
 * BENCH_MAIL_ROUNDS (5), BENCH_MAIL_COUNT (300), BENCH_MAIL_REQUESTS (40 per round).
 */
const ROUNDS = Number(process.env.BENCH_MAIL_ROUNDS ?? 5);
const MAILS = Number(process.env.BENCH_MAIL_COUNT ?? 300);
const REQUESTS = Number(process.env.BENCH_MAIL_REQUESTS ?? 40);

export async function runMailBench(): Promise<Record<string, string | number>[]> {
  const smtp = await startSmtp();
  const sending = await startServer({ env: { SEED_DEMO: "true", SMTP_URL: smtp.url, MAIL_POLL_MS: "50", LOG_LEVEL: "warn" } });
  const waiting = await startServer({ env: { SEED_DEMO: "true", LOG_LEVEL: "warn" } });
  const db = new Database(sending.databasePath);
  const rows: Record<string, string | number>[] = [];
  try {
    const insert = db.prepare(
      "insert into mail_queue (id, to_address, kind, subject, text, html, message_id, status, attempts, next_attempt_at, created_at) values (?, ?, 'notification', ?, ?, ?, ?, 'queued', 0, ?, ?)",
    );
    const rates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const before = smtp.received.length;
      const now = new Date().toISOString();
      db.transaction(() => {
        for (let i = 0; i < MAILS; i++) {
          const id = crypto.randomUUID();
          insert.run(id, `bench${i}@mail.bench`, `Bench ${round}/${i}`, "Tekst ".repeat(80), `<p>${"Tekst ".repeat(80)}</p>`, `<${id}@bench>`, now, now);
        }
      })();
      const started = performance.now();
      while (smtp.received.length - before < MAILS) await new Promise((r) => setTimeout(r, 10));
      rates.push(MAILS / ((performance.now() - started) / 1000));
    }
    const sortedRates = [...rates].sort((a, b) => a - b);
    rows.push({ measure: `worker → local SMTP, ${MAILS} mails × ${ROUNDS} rounds`, "median mails/s": round(percentile(sortedRates, 50), 1), "min mails/s": round(sortedRates[0]!, 1), goal: "≥ 50" });

    const school = (db.prepare("select id from schools limit 1").get() as { id: string }).id;
    const admins = await Promise.all([sending, waiting].map(async (s) => {
      const c = new Client(s.url);
      await c.login("admin@demo.nl");
      return c;
    }));
    const times: [number[], number[]] = [[], []];
    let n = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < REQUESTS; i++) {
        for (const which of [0, 1] as const) {
          const started = performance.now();
          const response = await admins[which]!.post("/beheer/uitnodigingen", { intent: "create", name: "Bench", email: `bench-${which}-${n++}@invite.bench`, organisation: `school:${school}`, role: "leraar" });
          await response.arrayBuffer();
          times[which].push(performance.now() - started);
        }
      }
    }
    const p95 = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 95);
    const half = Math.floor(times[1].length / 2);
    const noise = p95(times[1].slice(0, half)) / p95(times[1].slice(half));
    rows.push({
      measure: `p95 POST /beheer/uitnodigingen, ${times[0].length} each`,
      "with SMTP ms": round(p95(times[0]), 1),
      "without SMTP ms": round(p95(times[1]), 1),
      ratio: round(p95(times[0]) / p95(times[1]), 2),
      "noise floor (halves)": round(Math.max(noise, 1 / noise), 2),
    });
  } finally {
    db.close();
    await Promise.all([sending.stop(), waiting.stop()]);
    await smtp.stop();
  }
  return rows;
}
