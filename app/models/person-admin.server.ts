import { getDb } from "../../db/client";

/** What an admin sees of one person before downloading their data or erasing them (issue 22). */
export type PersonView = {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  disabledAt: string | null;
  erasedAt: string | null;
  roles: { role: string; organisation: string | null }[];
};

export function findPersonView(id: string): PersonView | null {
  if (!id || id.length > 100) return null;
  const sqlite = getDb().$client;
  const person = sqlite
    .prepare("select id, name, email, created_at as createdAt, disabled_at as disabledAt, erased_at as erasedAt from users where id = ?")
    .get(id) as Omit<PersonView, "roles"> | undefined;
  if (!person) return null;
  const roles = sqlite
    .prepare(
      `select m.role, coalesce(p.name, s.name, i.name) as organisation from memberships m
       left join partnerships p on p.id = m.partnership_id left join schools s on s.id = m.school_id
       left join institutes i on i.id = m.institute_id where m.user_id = ? order by m.created_at`,
    )
    .all(id) as PersonView["roles"];
  return { ...person, roles };
}

export const PEOPLE_PAGE_SIZE = 50;

/** People whose name or email contains `query` (case-insensitive), erased ones last. */
export function searchPeople(query: string): { people: Omit<PersonView, "roles">[]; more: boolean } {
  const like = `%${query.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = getDb()
    .$client.prepare(
      `select id, name, email, created_at as createdAt, disabled_at as disabledAt, erased_at as erasedAt from users
       where lower(name) like @like escape '\\' or email like @like escape '\\'
       order by erased_at is not null, name collate nocase limit @limit`,
    )
    .all({ like, limit: PEOPLE_PAGE_SIZE + 1 }) as Omit<PersonView, "roles">[];
  return { people: rows.slice(0, PEOPLE_PAGE_SIZE), more: rows.length > PEOPLE_PAGE_SIZE };
}
