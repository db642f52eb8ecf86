import pino from "pino";

/**
 * Structured JSON logs on stdout. The server (server/index.ts) and the Remix
 * build each import this; both write to the same stdout, which is all a log
 * collector needs.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { app: "samen-onderzoeken" },
  redact: {
    paths: ["req.headers.cookie", 'res.headers["set-cookie"]', "password", "*.password"],
    censor: "[verborgen]",
  },
});
