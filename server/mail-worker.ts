import nodemailer, { type Transporter } from "nodemailer";
import type { Env } from "../app/utils/env.server";
import { claimDueMail, markAttemptFailed, markCancelled, markSent, recipientActive, requeueStaleSending, setMailWake, type MailRow } from "../app/models/mail-queue.server";
import { queueDueDigests } from "../app/models/mail.server";
import { redactTokens } from "../app/utils/log-redact";
import { logger } from "../app/utils/logger.server";

/**
 * The mail worker (record 0022): in the server process, it claims due mails
 * (marked `sending` before any SMTP call), sends them with nodemailer over one
 * pooled connection set, and marks each sent or schedules a retry with backoff.
 * A mail whose send was interrupted by a crash is found `sending` at the next
 * start and sent again with the same Message-ID. Without SMTP_URL it only
 * queues digests; every mail waits until a mail server is configured.
 */
const BATCH = 25;
const CONCURRENCY = 5;
const STALE_SENDING_MS = 10 * 60_000;

export type MailWorker = { wake: () => void; stop: () => Promise<void>; sendingEnabled: boolean };

function transportFor(env: Env): Transporter | null {
  if (!env.SMTP_URL) return null;
  const url = new URL(env.SMTP_URL);
  return nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    pool: true,
    maxConnections: CONCURRENCY,
    // A mail server that is down must fail fast, so the queue moves on and retries later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

export function startMailWorker(env: Env): MailWorker {
  const transport = transportFor(env);
  // Nothing of this process is sending yet: whatever says `sending` was cut off by a stop or crash.
  const recovered = requeueStaleSending(0);
  if (recovered > 0) logger.warn({ recovered }, "mail: onderbroken verzendingen opnieuw in de wachtrij");
  if (!transport) logger.warn("mail: geen SMTP_URL ingesteld; mail blijft in de wachtrij (zie /beheer/mail)");

  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let lastHousekeeping = 0;

  async function sendOne(row: MailRow): Promise<void> {
    if (!recipientActive(row)) {
      markCancelled(row.id, "Niet verstuurd: het account is gedeactiveerd of verwijderd.");
      return;
    }
    try {
      await transport!.sendMail({
        from: env.MAIL_FROM,
        to: row.toAddress,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: row.messageId,
        headers: { "Auto-Submitted": "auto-generated" },
      });
      markSent(row.id);
    } catch (error) {
      const message = redactTokens(error instanceof Error ? error.message : String(error));
      markAttemptFailed(row, message);
      logger.warn({ mailId: row.id, kind: row.kind, attempts: row.attempts, error: message }, "mail: versturen mislukt, later opnieuw");
    }
  }

  async function cycle(): Promise<void> {
    const now = Date.now();
    if (now - lastHousekeeping >= env.MAIL_DIGEST_CHECK_MS) {
      lastHousekeeping = now;
      const digests = queueDueDigests();
      if (digests > 0) logger.info({ digests }, "mail: dagelijkse samenvattingen in de wachtrij");
      requeueStaleSending(STALE_SENDING_MS);
    }
    if (!transport) return;
    for (;;) {
      if (stopped) return;
      const batch = claimDueMail(BATCH);
      if (batch.length === 0) return;
      for (let i = 0; i < batch.length; i += CONCURRENCY) {
        await Promise.all(batch.slice(i, i + CONCURRENCY).map(sendOne));
      }
      if (batch.length < BATCH) return;
    }
  }

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = cycle()
      .catch((error: unknown) => logger.error({ err: error }, "mail: werker struikelde; volgende ronde opnieuw"))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          wake();
        }
      });
  }

  const timer = setInterval(wake, env.MAIL_POLL_MS);
  timer.unref();
  setMailWake(wake);
  wake();

  return {
    wake,
    sendingEnabled: transport !== null,
    async stop() {
      stopped = true;
      clearInterval(timer);
      setMailWake(undefined);
      await running;
      transport?.close();
    },
  };
}
