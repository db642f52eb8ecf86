/**
 * ARCHITECTURE §3 for questions, stated independently of the app in SQL, for
 * tests to compare pages and the API against: concepts only for the school's
 * own staff; from ingediend on, everyone in the partnership (through a school
 * or an institute membership) and platform admins. Binds the e-mail first.
 */
export const VISIBLE_QUESTION_CTES = `with me as (select id from users where email = ?),
  own_schools as (select school_id from memberships where user_id = (select id from me) and school_id is not null),
  my_partnerships as (
    select partnership_id from memberships where user_id = (select id from me) and partnership_id is not null
    union select ps.partnership_id from partnership_schools ps join own_schools o on o.school_id = ps.school_id
    union select pi.partnership_id from partnership_institutes pi
      join memberships m on m.institute_id = pi.institute_id where m.user_id = (select id from me)
  ),
  is_admin as (select count(*) n from memberships where user_id = (select id from me) and role = 'admin')`;

/** The visibility condition on a questions alias; needs VISIBLE_QUESTION_CTES. */
export function visibleQuestion(alias: string): string {
  return `(${alias}.school_id in (select school_id from own_schools)
    or (${alias}.status != 'concept' and ((select n from is_admin) > 0
      or ${alias}.school_id in (select school_id from partnership_schools where partnership_id in (select partnership_id from my_partnerships)))))`;
}
