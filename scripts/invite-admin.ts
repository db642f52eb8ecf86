import { fileURLToPath } from "node:url";
import path from "node:path";
import { z } from "zod";
import { createInvitation, membershipExists, organisationColumns } from "../app/models/invitation.server";
import { closeDb, getDb } from "../db/client";
import { runMigrations } from "../db/migrate";

/**
 * `npm run admin:invite -- <email> "<name>"`: the first admin of an installation
 * without demo data (SEED_DEMO=false). Prints a one-time invitation link; the
 * person sets their own password there, so no password passes the shell.
 */
const args = z.tuple([z.string().email("Geef een geldig e-mailadres."), z.string().trim().min(2, "Geef een naam.").max(200)]);

export function inviteAdmin(email: string, name: string, origin: string): string {
  const org = organisationColumns("platform", null);
  if (membershipExists(email, "admin", org)) throw new Error(`${email} is al beheerder.`);
  const { token } = createInvitation({ email, name, role: "admin", org, invitedById: null, ip: "cli" });
  return `${origin.replace(/\/$/, "")}/uitnodiging/${token}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const parsed = args.safeParse(process.argv.slice(2));
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => i.message).join(" ")}\nGebruik: npm run admin:invite -- naam@voorbeeld.nl "Voor Achternaam"`);
    process.exit(64);
  }
  const [email, name] = parsed.data;
  try {
    runMigrations(getDb());
    const origin = process.env.APP_ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
    console.log(`Uitnodiging voor ${name} als beheerder (7 dagen geldig, eenmalig):\n${inviteAdmin(email, name, origin)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    closeDb();
  }
}
