import pino from "pino";
import { redactLogObject, redactTokens } from "./log-redact";

/**
 * Structured JSON logs on stdout. The server (server/index.ts) and the Remix
 * build each import this; both write to the same stdout, which is all a log
 * collector needs. Tokens in URLs never reach a log line (log-redact.ts).
 */
export const logger = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { app: "samen-onderzoeken" },
  redact: {
    paths: ["req.headers.cookie", 'res.headers["set-cookie"]', "password", "*.password"],
    censor: "[verborgen]",
  },
  formatters: {
    log: (object) => redactLogObject(object),
  },
  hooks: {
    // The message string itself (and printf-style arguments).
    logMethod(args, method) {
      return method.apply(
        this,
        args.map((arg: unknown) => (typeof arg === "string" ? redactTokens(arg) : arg)) as Parameters<typeof method>,
      );
    },
  },
});
