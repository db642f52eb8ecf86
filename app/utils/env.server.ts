import { z } from "zod";
import { shouldLoadDemo } from "../domain/demo-data";

/**
 * Environment of the running app, validated once at start (server/index.ts calls
 * `loadEnv()` before anything else). Every variable has a safe default so that
 * `npm install && npm start` works on a fresh machine without a .env file.
 */
const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    errorMap: () => ({ message: "verwacht true of false" }),
  })
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ invalid_type_error: "moet een getal zijn" })
    .int("moet een geheel getal zijn")
    .min(0, "moet 0 of hoger zijn")
    .max(65535, "moet 65535 of lager zijn")
    .default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1, "mag niet leeg zijn").default("./data/samen-onderzoeken.db"),
  /** Unset: only a local installation (no APP_ORIGIN, or localhost) gets the demo region; see parseEnv. */
  SEED_DEMO: booleanString.optional(),
  /** How often a worker thread checkpoints the SQLite WAL (docs/decisions/0012); 0 leaves it to SQLite, inline. */
  DB_CHECKPOINT_MS: z.coerce
    .number({ invalid_type_error: "moet een getal zijn" })
    .int("moet een geheel getal zijn")
    .min(0, "moet 0 of hoger zijn")
    .max(60_000, "moet 60000 of lager zijn")
    .default(1000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Public origin used in invitation links, e.g. https://samenonderzoeken.nl. Defaults to the request's origin. */
  APP_ORIGIN: z.string().url("moet een volledige URL zijn, bijv. https://example.nl").optional(),
  /**
   * How many reverse proxies sit in front (their X-Forwarded-* hops are trusted,
   * counted from the right); 0/false: none. `true` would let any client choose
   * its own address, so it is refused.
   */
  TRUST_PROXY: z
    .string()
    .transform((v) => (v === "false" ? "0" : v))
    .pipe(
      z.coerce
        .number({ invalid_type_error: "geef het aantal proxies voor de app (0 = geen, bijv. 1 achter één reverse proxy)" })
        .int("geef het aantal proxies voor de app (0 = geen, bijv. 1 achter één reverse proxy)")
        .min(0, "moet 0 of hoger zijn")
        .max(10, "moet 10 of lager zijn"),
    )
    .default("0"),
  /** Failed logins allowed per IP address in 15 minutes (shared NAT at schools: keep generous). */
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
  /** Failed logins allowed per account in 15 minutes before it is temporarily locked. */
  /** Failed password guesses allowed per account from one address in 15 minutes. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(8),
  /** Failed guesses per account from all addresses in 15 minutes before every attempt waits a growing delay. */
  LOGIN_ACCOUNT_CEILING: z.coerce.number().int().min(1).default(20),
  /** OAI-PMH: records per ListRecords/ListIdentifiers page before a resumption token (docs/decisions/0019). */
  OAI_PAGE_SIZE: z.coerce.number().int().min(1, "moet 1 of hoger zijn").max(1000, "moet 1000 of lager zijn").default(100),
  /** OAI-PMH: key that signs resumption tokens; without it a random key per process (tokens end at a restart). */
  OAI_TOKEN_SECRET: z.string().min(16, "moet minstens 16 tekens lang zijn").optional(),
  /** OAI-PMH: the adminEmail in Identify; default MAIL_FROM's address, else beheer@<host>. */
  OAI_ADMIN_EMAIL: z.string().email("moet een e-mailadres zijn").optional(),
  /** Outgoing mail (record 0022): smtp://user:pass@host:port or smtps://…; unset: mail waits in the queue. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "moet beginnen met smtp:// of smtps://, bijv. smtp://gebruiker:wachtwoord@mail.example.nl:587")
    .optional(),
  /** Sender of every mail, e.g. "Samen Onderzoeken <noreply@example.nl>". */
  MAIL_FROM: z.string().min(3, "moet een afzender zijn, bijv. Samen Onderzoeken <noreply@example.nl>").default("Samen Onderzoeken <noreply@localhost>"),
  /** First wait after a failed send (ms); doubles per attempt, at most six hours. */
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10, "moet 10 of hoger zijn").default(60_000),
  /** Attempts before a mail is given up (status failed). */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1, "moet 1 of hoger zijn").max(50, "moet 50 of lager zijn").default(10),
  /** How often the worker looks for due mail (ms). */
  MAIL_POLL_MS: z.coerce.number().int().min(10, "moet 10 of hoger zijn").max(600_000, "moet 600000 of lager zijn").default(2000),
  /** How often the worker checks whether digests are due (ms). */
  MAIL_DIGEST_CHECK_MS: z.coerce.number().int().min(10, "moet 10 of hoger zijn").default(60_000),
  /** Hour of the day (Europe/Amsterdam) from which the daily digest goes out. */
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0, "moet 0 tot 23 zijn").max(23, "moet 0 tot 23 zijn").default(7),
  /** Single sign-on, first provider (record 0022b): e.g. SURFconext. */
  OIDC_ISSUER: z.string().url("moet een volledige URL zijn, bijv. https://connect.surfconext.nl").optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_LABEL: z.string().min(1).max(80).default("Inloggen met SURFconext"),
  /** Second provider beside it (e.g. Entree), at /login/sso/2 with callback /login/sso/2/callback. */
  OIDC2_ISSUER: z.string().url("moet een volledige URL zijn, bijv. https://connect.test.entree.kennisnet.nl").optional(),
  OIDC2_CLIENT_ID: z.string().min(1).optional(),
  OIDC2_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC2_LABEL: z.string().min(1).max(80).default("Inloggen met Entree"),
});

/** SEED_DEMO is resolved at parse time: true or false, whether it was set or not (contract 6.11). */
export type Env = Omit<z.infer<typeof envSchema>, "SEED_DEMO"> & { SEED_DEMO: boolean };

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as "not set" so an empty line in .env falls back to the default.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  - ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new EnvError(`Ongeldige configuratie (omgevingsvariabelen):\n${lines.join("\n")}`);
  }
  return { ...result.data, SEED_DEMO: shouldLoadDemo(result.data.SEED_DEMO, result.data.APP_ORIGIN) };
}

let cached: Env | undefined;

/** The validated environment; parses process.env on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
