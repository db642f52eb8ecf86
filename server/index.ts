import "dotenv/config";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import rateLimit from "express-rate-limit";
import { pinoHttp } from "pino-http";
import { MAX_IMPORT_BYTES } from "../app/domain/import/types";
import type { RequestFacts } from "../app/load-context";
import { EnvError, getEnv, type Env } from "../app/utils/env.server";
import { redactTokens } from "../app/utils/log-redact";
import { syncSearchIndex } from "../app/models/search-index.server";
import { logger } from "../app/utils/logger.server";
import { closeDb, getDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedDemo } from "../scripts/seed/index";
import { cspNonce, limitBodySize, rejectCrossOrigin, securityHeaders } from "./security";
import { handleUpgrade, registerUpgrade } from "./upgrade";
import { createCollabServer } from "./collab/index";
import { demoLoginHint, reportDemoData, reportMigrations } from "./startup-report";
import { metricsHandler } from "./collab/metrics-route";
import { startBackgroundCheckpoints } from "./db/checkpointer";
import { startRetentionSchedule } from "../app/models/retention.server";
import { startMailWorker } from "./mail-worker";
import { installRouteMatchCache } from "./route-match-cache";

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function loadEnvOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`${error.message}\nZie .env.example voor alle variabelen en hun standaardwaarden.`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

async function prepareDatabase(env: Env) {
  const db = getDb();
  reportMigrations(runMigrations(db));
  reportDemoData(db, env.SEED_DEMO ? await seedDemo(db) : undefined);
  // Stems for whatever was written while the server was down (migration 0013, record 0019).
  const indexed = syncSearchIndex();
  if (indexed > 0) logger.info({ indexed }, "zoekindex bijgewerkt");
  return db;
}

async function createApp(env: Env) {
  const development = env.NODE_ENV === "development";
  const app = express();
  app.disable("x-powered-by");
  // A number of hops (never `true`, which would let every client pick its own address).
  app.set("trust proxy", env.TRUST_PROXY > 0 ? env.TRUST_PROXY : false);

  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === "/healthz" || (req.url ?? "").startsWith("/assets/") },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
      // Method, path and status are what an operator needs; headers only add noise (and cookies).
      serializers: {
        // Invitation and reset tokens in the path never reach the log (contract 6.12).
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactTokens(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  // Health first: no session, no CSP, just "does the database answer".
  app.get("/healthz", (_req, res) => {
    try {
      getDb().$client.prepare("select 1").get();
      res.json({ status: "ok" });
    } catch (error) {
      logger.error({ err: error }, "healthz: database antwoordt niet");
      res.status(503).json({ status: "error", error: "De database antwoordt niet." });
    }
  });

  app.use(compression());
  app.use(cspNonce);
  app.use(securityHeaders({ development }));
  // Uploads get room for their files; everything else stays small. Remix posts
  // forms with JavaScript to `<path>.data` (single fetch), so both paths count.
  const uploadLimits = new Map([
    ["/opbrengsten/nieuw", limitBodySize(101 * 1024 * 1024)], // results: 5 × 20 MB
    // Imports: the file plus room for the multipart envelope; the route also stops
    // at MAX_IMPORT_BYTES while the upload streams (chunked bodies have no length).
    [
      "/beheer/import",
      limitBodySize(
        MAX_IMPORT_BYTES + 256 * 1024,
        `Het bestand is te groot: een importbestand mag maximaal ${MAX_IMPORT_BYTES / 1024 / 1024} MB zijn.`,
        { streamingLimit: true },
      ),
    ],
  ]);
  const smallBodies = limitBodySize(1024 * 1024);
  app.use((req, res, next) => (uploadLimits.get(req.path.replace(/\.data$/, "")) ?? smallBodies)(req, res, next));
  app.use(rejectCrossOrigin);

  // A coarse flood guard on the forms that check passwords, also where Remix's
  // single fetch posts them (`.data`); failed guesses are also counted per
  // account and address in the database (app/utils/login-throttle.server.ts).
  app.post(
    [
      "/login",
      "/login.data",
      "/uitnodiging/:token",
      "/uitnodiging/:token.data",
      "/account",
      "/account.data",
      "/wachtwoord-vergeten",
      "/wachtwoord-vergeten.data",
      "/wachtwoord-herstellen/:token",
      "/wachtwoord-herstellen/:token.data",
    ],
    rateLimit({
      windowMs: 15 * 60 * 1000,
      limit: 300,
      standardHeaders: "draft-8",
      legacyHeaders: false,
      message: "Te veel inlogverzoeken vanaf dit adres. Wacht een kwartier en probeer het opnieuw.",
    }),
  );

  // Collaboration metrics (Prometheus text), admins only.
  app.get("/metrics", metricsHandler);

  // React Router re-ranks every route on each match; remember the answers (record 0029).
  if (!installRouteMatchCache()) logger.warn("routecache niet geïnstalleerd: @remix-run/router ziet er anders uit dan verwacht");

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (development) {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
    app.use(vite.middlewares);
    build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const buildPath = path.join(rootDir, "build/server/index.js");
    build = (await import(buildPath)) as ServerBuild;
    // fallthrough: false — a missing asset (e.g. an old hash after a deploy) is a 404, not a page.
    app.use(
      "/assets",
      express.static(path.join(rootDir, "build/client/assets"), { immutable: true, maxAge: "1y", fallthrough: false }),
    );
    // Only names with an extension can be files there (favicon.svg); a page path
    // would cost a failed stat() on every request (record 0029).
    const publicFiles = express.static(path.join(rootDir, "build/client"), { maxAge: "1h" });
    app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
  }

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV === "production" ? "production" : "development",
      getLoadContext: (req, res): RequestFacts => ({
        cspNonce: res.locals.cspNonce as string,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "onbekend",
        isSecure: req.secure,
        origin: env.APP_ORIGIN ?? `${req.protocol}://${req.get("host")}`,
      }),
    }),
  );

  // Last resort: a Dutch message and never a stack trace.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    if (status >= 400 && status < 500) {
      const message =
        status === 404 ? "Niet gevonden." : status === 413 ? "Het verzoek is te groot." : "Het verzoek kon niet worden gelezen.";
      res.status(status).type("text/plain; charset=utf-8").send(message);
      return;
    }
    logger.error({ err: error, url: req.url }, "onverwachte fout");
    if (!res.headersSent) {
      res.status(500).type("text/plain; charset=utf-8").send("Er ging iets mis aan onze kant. Probeer het later opnieuw.");
    }
  });
  return app;
}

async function main() {
  const env = loadEnvOrExit();
  const db = await prepareDatabase(env);
  const checkpoints = startBackgroundCheckpoints(db, env.DATABASE_PATH, env.DB_CHECKPOINT_MS);
  const app = await createApp(env);
  const mail = startMailWorker(env);
  const server = http.createServer(app);
  const collab = createCollabServer({ appOrigin: env.APP_ORIGIN });
  registerUpgrade("/collab/", collab.handleUpgrade);
  server.on("upgrade", handleUpgrade);
  // Slow or stalled clients must not hold sockets forever.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    const url = `http://localhost:${port}`;
    logger.info({ url, port }, `Samen Onderzoeken draait op ${url}`);
    // Also a plain line, whatever LOG_LEVEL says: people (and the test harness) look for it.
    if (!logger.isLevelEnabled("info")) console.log(`Samen Onderzoeken draait op ${url}`);
    const hint = demoLoginHint(db, url);
    if (hint) logger.info(hint);
  });
  // Pruning and the erasure of students past their bewaartermijn (record 0024): now and on an interval.
  const retention = startRetentionSchedule();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "afsluiten: geen nieuwe verbindingen meer");
    const force = setTimeout(() => {
      logger.warn("afsluiten duurde te lang; geforceerd");
      process.exit(1);
    }, 10_000);
    force.unref();
    // Fold every live plan into its snapshot and close the sockets while the DB is open.
    collab.shutdown();
    retention.stop();
    server.close(() => {
      void Promise.all([mail.stop(), checkpoints.stop()]).then(() => {
        closeDb(); // closing the last connection checkpoints what is left
        logger.info("afgesloten");
        process.exit(0);
      });
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "onafgehandelde promise-fout"));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "starten mislukt");
  process.exit(1);
});
