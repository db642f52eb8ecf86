import { startServer } from "../support/server";

/** One real server for the browser tests; its URL reaches the tests via the environment. */
export default async function globalSetup() {
  const server = await startServer();
  process.env.E2E_BASE_URL = server.url.replace("127.0.0.1", "localhost");
  process.env.E2E_DATABASE_PATH = server.databasePath;
  return async () => {
    await server.stop();
  };
}
