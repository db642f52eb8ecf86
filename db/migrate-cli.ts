// `npm run db:migrate` applies migrations without starting the server. A separate entry, not a
// "run when main" guard in migrate.ts: in the bundled server (build/server.mjs) every module shares
// one import.meta.url, so such a guard would fire inside the server.
import { closeDb, getDb } from "./client";
import { runMigrations } from "./migrate";

const { applied, total } = runMigrations(getDb());
closeDb();
console.log(`Migraties toegepast: ${applied} nieuw, ${total} in totaal.`);
