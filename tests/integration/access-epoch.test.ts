import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { seedDemo } from "../../db/seed/index";

/**
 * The access epoch (migration 0009) is what lets the collaboration server skip
 * its full access check. A table that decides plan access without triggers
 * (for instance after a later migration rebuilt it) would leave revoked
 * sockets open, so this test pins every one of them.
 */
const DECIDING: Record<string, ("insert" | "update" | "delete")[]> = {
  users: ["update", "delete"],
  sessions: ["update", "delete"],
  memberships: ["insert", "update", "delete"],
  project_members: ["insert", "update", "delete"],
  projects: ["update", "delete"],
  plans: ["update", "delete"],
  partnership_schools: ["insert", "update", "delete"],
  partnership_institutes: ["insert", "update", "delete"],
  schools: ["update", "delete"],
  institutes: ["update", "delete"],
  partnerships: ["update", "delete"],
};

let dir: string;
let db: ReturnType<typeof openDatabase>;
const epoch = () => (db.$client.prepare("select value from access_epoch where id = 1").get() as { value: number }).value;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "so-epoch-"));
  db = openDatabase(path.join(dir, "epoch.db"));
  runMigrations(db);
  await seedDemo(db);
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the access epoch", () => {
  it("has a trigger for every change to every table that decides plan access", () => {
    const triggers = db.$client
      .prepare("select tbl_name as tbl, sql from sqlite_master where type = 'trigger' and name like 'access_epoch_%'")
      .all() as { tbl: string; sql: string }[];
    for (const [table, events] of Object.entries(DECIDING)) {
      for (const event of events) {
        const found = triggers.some((tr) => tr.tbl === table && new RegExp(`AFTER ${event} ON`, "i").test(tr.sql) && /access_epoch/.test(tr.sql));
        expect(found, `${event} on ${table}`).toBe(true);
      }
    }
  });

  it("moves on revoking writes, also for rows a cascade deletes, and not on a new session", () => {
    const before = epoch();
    const user = (db.$client.prepare("select id from users where email = 'student2@demo.nl'").get() as { id: string }).id;
    db.$client
      .prepare("insert into sessions (token_hash, user_id, expires_at, created_at) values ('hash-epoch', ?, '2999-01-01', '2026-01-01')")
      .run(user);
    expect(epoch()).toBe(before);

    db.$client.prepare("delete from project_members where user_id = ?").run(user);
    const afterRemoval = epoch();
    expect(afterRemoval).toBeGreaterThan(before);

    // Deleting a project removes its plans and members by cascade; each row moves the epoch.
    const project = (db.$client.prepare("select id from projects limit 1").get() as { id: string }).id;
    const plans = (db.$client.prepare("select count(*) n from plans where project_id = ?").get(project) as { n: number }).n;
    db.$client.prepare("delete from projects where id = ?").run(project);
    expect(epoch()).toBeGreaterThanOrEqual(afterRemoval + 1 + plans);
  });
});
