import type Database from "better-sqlite3";
import net from "node:net";
import { SMTPServer } from "smtp-server";

/** A real SMTP server in the test process (smtp-server), collecting every message it accepts. */
export type ReceivedMail = { to: string[]; raw: string };
export type TestSmtp = {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Resolves with the first message to `to` (matching `filter`) that arrives, or already arrived. */
  waitFor: (to: string, filter?: (raw: string) => boolean, timeoutMs?: number) => Promise<ReceivedMail>;
  stop: () => Promise<void>;
  /** Listen again on the same port (after stop). */
  restart: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const port = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(port));
    });
  });
}

/** Quoted-printable soft line breaks and escapes undone, so links can be read from the raw message. */
export function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const waiters: { to: string; filter: (raw: string) => boolean; resolve: (m: ReceivedMail) => void }[] = [];
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      // Stopping must not wait for the app's pooled (idle) connections.
      closeTimeout: 100,
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const mail = { to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw: decodeQuotedPrintable(Buffer.concat(chunks).toString("utf8")) };
          received.push(mail);
          for (const w of [...waiters]) {
            if (mail.to.includes(w.to) && w.filter(mail.raw)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(mail);
            }
          }
          callback();
        });
      },
    });
  let server = make();
  const port = await freePort();
  const listen = () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen();
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor(to, filter = () => true, timeoutMs = 20_000) {
      const address = to.toLowerCase();
      const found = received.find((m) => m.to.includes(address) && filter(m.raw));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ to: address, filter, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    restart: async () => {
      server = make();
      await listen();
    },
  };
}

/** The path of the first link matching `pattern` in a text. */
export function linkPath(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link ${pattern} in:\n${text.slice(0, 2000)}`);
  return new URL(match[0]).pathname;
}

export const INVITATION_LINK = /https?:\/\/[^\s"<>]+\/uitnodiging\/[A-Za-z0-9_-]{43}/;
export const RESET_LINK = /https?:\/\/[^\s"<>]+\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}/;

/**
 * The link in the newest queued mail of a kind to an address, read from the
 * queue itself (the mail the worker sends), for tests that run without SMTP.
 */
export function queuedLink(db: Database.Database, to: string, kind: string, pattern: RegExp): string {
  const row = db.prepare("select text from mail_queue where to_address = ? and kind = ? order by created_at desc, rowid desc limit 1").get(to.toLowerCase(), kind) as { text: string } | undefined;
  if (!row) throw new Error(`no queued ${kind} mail to ${to}`);
  return linkPath(row.text, pattern);
}
