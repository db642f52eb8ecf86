import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { seedDemo } from "../../scripts/seed/index";

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

describe("the access epoch and INSERT OR REPLACE (migration 0010)", () => {
  const sqlite = () => db.$client;
  const user = () => sqlite().prepare("select * from users where email = 'student@demo.nl'").get() as Record<string, unknown>;

  // Sessions and plans are the cases 0009 missed (a replaced plan's members stay, so no
  // cascade moves the epoch). A replaced user was already covered by the cascade into its
  // sessions and memberships; the users trigger is for a user who has neither yet.
  it("moves when REPLACE swaps out a session, a user or a plan, which fires no delete trigger of its own", () => {
    const u = user();
    sqlite()
      .prepare("insert into sessions (token_hash, user_id, expires_at, created_at) values ('hash-replace', ?, '2999-01-01', '2026-01-01')")
      .run(u.id);
    let before = epoch();
    // A hand-made "fix" that shortens the session by replacing the row.
    sqlite()
      .prepare("insert or replace into sessions (token_hash, user_id, expires_at, created_at) values ('hash-replace', ?, '2000-01-01', '2026-01-01')")
      .run(u.id);
    expect(epoch()).toBeGreaterThan(before);

    before = epoch();
    const columns = Object.keys(u);
    sqlite()
      .prepare(`replace into users (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`)
      .run(...columns.map((c) => (c === "name" ? "Lotte (vervangen)" : u[c])));
    expect(epoch()).toBeGreaterThan(before);

    // The test above deleted the demo project; a fresh project with a plan.
    const question = sqlite().prepare("select id, school_id from questions limit 1").get() as { id: string; school_id: string };
    const projectId = crypto.randomUUID();
    sqlite()
      .prepare("insert into projects (id, question_id, school_id, title, created_at) values (?, ?, ?, 'Vervangtest', '2026-01-01')")
      .run(projectId, question.id, question.school_id);
    sqlite()
      .prepare("insert into plans (id, project_id, title, room, created_at) values (?, ?, 'Plan', ?, '2026-01-01')")
      .run(crypto.randomUUID(), projectId, `room-${crypto.randomUUID()}`);
    before = epoch();
    const plan = sqlite().prepare("select * from plans where project_id = ?").get(projectId) as Record<string, unknown>;
    const planColumns = Object.keys(plan);
    // Same project, new id: the unique project_id makes REPLACE delete the old plan.
    sqlite()
      .prepare(`insert or replace into plans (${planColumns.join(", ")}) values (${planColumns.map(() => "?").join(", ")})`)
      .run(...planColumns.map((c) => (c === "id" ? crypto.randomUUID() : c === "room" ? `room-${crypto.randomUUID()}` : plan[c])));
    expect(epoch()).toBeGreaterThan(before);
  });

  it("stays put for a plain new row, and a failed conflicting insert leaves no trace", () => {
    const u = user();
    const before = epoch();
    sqlite()
      .prepare("insert into sessions (token_hash, user_id, expires_at, created_at) values ('hash-fresh', ?, '2999-01-01', '2026-01-01')")
      .run(u.id);
    expect(epoch()).toBe(before);
    expect(() =>
      sqlite()
        .prepare("insert into sessions (token_hash, user_id, expires_at, created_at) values ('hash-fresh', ?, '2999-01-01', '2026-01-01')")
        .run(u.id),
    ).toThrow(/UNIQUE/);
    expect(epoch()).toBe(before);
  });
});
