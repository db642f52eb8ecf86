// `npm run db:seed` seeds a database by hand (migrating it first). A separate entry for the same
// reason as db/migrate-cli.ts: the bundled server must not run it.
import { closeDb, getDb } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { seedDemo } from "./index";

const db = getDb();
runMigrations(db);
const summary = await seedDemo(db);
closeDb();
console.log(summary.seeded ? `Demodata geladen: ${summary.users} mensen.` : "Database is niet leeg; niets gedaan.");
