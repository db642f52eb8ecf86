import Database from "better-sqlite3";
import { afterAll, beforeAll } from "vitest";
import { Client } from "./http";
import { startServer, type RunningServer } from "./server";

export type ServerContext = {
  /** The real server (set before the first test runs). */
  server: RunningServer;
  /** A second connection to the server's SQLite file, for assertions. */
  db: Database.Database;
  /** A client signed in as an account (demo password by default). */
  signedIn: (email: string, password?: string) => Promise<Client>;
};

/**
 * The usual integration-test setup: one real server with a fresh SQLite file
 * per test file. Call at the top level; the returned object is filled in
 * before the first test runs.
 */
export function withServer(env: Record<string, string> = {}): ServerContext {
  const context = {
    signedIn: async (email: string, password?: string) => {
      const client = new Client(context.server.url);
      await client.login(email, password);
      return client;
    },
  } as ServerContext;
  beforeAll(async () => {
    context.server = await startServer({ env });
    context.db = new Database(context.server.databasePath);
  });
  afterAll(async () => {
    context.db?.close();
    await context.server?.stop();
  });
  return context;
}
