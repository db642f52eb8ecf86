import { sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { ASPECTS, averageAgreedPhases } from "../domain/culture-scan";
import { can, knowActor, type Actor } from "../domain/permissions";
import { FLOW_STATUSES, QUESTION_STATUSES, type FlowStatus, type QuestionStatus } from "../domain/question-lifecycle";
import { schoolIdsOfPartnerships, schoolScope } from "./scopes.server";

/** Statuses that count as "matched": a student or lab took the question on. */
export const MATCHED_STATUSES: readonly QuestionStatus[] = ["gematcht", "in_uitvoering", "afgerond", "geimplementeerd"];

export type PartnershipOption = { id: string; name: string };

/** The partnerships whose dashboard the actor may see (admin: all), each checked by the permission module. */
export function dashboardPartnerships(actor: Actor): PartnershipOption[] {
  const rows = getDb().all<PartnershipOption>(sql`select id, name from partnerships order by name`);
  return rows.filter((p) => can(actor, "dashboard:region", { partnershipIds: [p.id] }));
}

export type DashboardData = {
  schools: { id: string; name: string }[];
  byStatus: { status: QuestionStatus; count: number }[];
  byTheme: { theme: string; count: number }[];
  perMonth: { month: string; count: number }[];
  /** Per month, how many questions moved into each step of the lifecycle (from the history). */
  statusFlow: ({ month: string } & Record<FlowStatus, number>)[];
  matched: { matched: number; total: number; share: number | null };
  studentsPerSchool: { school: string; students: number; shortageFte: number | null }[];
  actions: { done: number; open: number; letGo: number };
  scanTrend: { schoolYear: string; schools: number; averages: Record<string, number | null> }[];
};

/**
 * Every figure of the dashboard for the given schools (resolved from the
 * caller's permissions by resolveDashboardScope). Every query is restricted
 * to them, so no figure of another partnership can slip in.
 */
export function dashboardFor(schoolIds: string[]): DashboardData {
  const db = getDb();
  const schools = db.all<{ id: string; name: string }>(
    sql`select id, name from schools where id in (select value from json_each(${JSON.stringify(schoolIds)})) order by name`,
  );
  const ids = JSON.stringify(schools.map((s) => s.id));
  const inSchools = (column: string) => sql.raw(`${column} in (select value from json_each(`).append(sql`${ids}))`);

  const statusRows = db.all<{ status: QuestionStatus; count: number }>(
    sql`select status, count(*) as count from questions where ${inSchools("school_id")} group by status`,
  );
  const byStatus = QUESTION_STATUSES.map((status) => ({ status, count: statusRows.find((r) => r.status === status)?.count ?? 0 }));

  const byTheme = db.all<{ theme: string; count: number }>(sql`
    select coalesce(t.name_nl, 'Zonder thema') as theme, count(*) as count
    from questions q left join themes t on t.id = q.theme_id
    where ${inSchools("q.school_id")} and q.status <> 'concept'
    group by theme order by count desc, theme`);

  const perMonth = db.all<{ month: string; count: number }>(sql`
    select substr(created_at, 1, 7) as month, count(*) as count from questions
    where ${inSchools("school_id")} and status <> 'concept'
    group by month order by month`);

  const flowRows = db.all<{ month: string; status: FlowStatus; count: number }>(sql`
    select substr(e.at, 1, 7) as month, e.to_status as status, count(*) as count
    from question_events e join questions q on q.id = e.question_id
    where ${inSchools("q.school_id")} and e.to_status in (select value from json_each(${JSON.stringify(FLOW_STATUSES)}))
    group by month, e.to_status order by month`); // not `status`: that would be the question's own column
  const flow = new Map<string, { month: string } & Record<FlowStatus, number>>();
  for (const r of flowRows) {
    const row = flow.get(r.month) ?? { month: r.month, ingediend: 0, open: 0, gematcht: 0, afgerond: 0, geimplementeerd: 0 };
    row[r.status] = r.count;
    flow.set(r.month, row);
  }

  const nonConcept = statusRows.filter((r) => r.status !== "concept").reduce((s, r) => s + r.count, 0);
  const matchedCount = statusRows.filter((r) => MATCHED_STATUSES.includes(r.status)).reduce((s, r) => s + r.count, 0);

  const studentsPerSchool = db.all<{ school: string; students: number; shortageFte: number | null }>(sql`
    select s.name as school,
      (select count(distinct pm.user_id) from project_members pm join projects p on p.id = pm.project_id
        where p.school_id = s.id and pm.role = 'student') as students,
      (select ss.vacancy_tenths / 10.0 from school_shortages ss where ss.school_id = s.id) as shortageFte
    from schools s where ${inSchools("s.id")} order by shortageFte desc, s.name`);

  const actionRows = db.all<{ status: string; count: number }>(
    sql`select status, count(*) as count from actions where ${inSchools("school_id")} group by status`,
  );
  const countOf = (...statuses: string[]) => actionRows.filter((r) => statuses.includes(r.status)).reduce((s, r) => s + r.count, 0);

  const agreementRows = db.all<{ schoolYear: string; schoolId: string; aspectId: string; agreedPhase: number }>(sql`
    select c.school_year as schoolYear, c.school_id as schoolId, a.aspect_id as aspectId, a.agreed_phase as agreedPhase
    from scan_agreements a join culture_scans c on c.id = a.scan_id
    where ${inSchools("c.school_id")}`);
  const years = [...new Set(agreementRows.map((r) => r.schoolYear))].sort();
  const scanTrend = years.map((schoolYear) => {
    const rows = agreementRows.filter((r) => r.schoolYear === schoolYear);
    return { schoolYear, schools: new Set(rows.map((r) => r.schoolId)).size, averages: averageAgreedPhases(rows) };
  });

  return {
    schools,
    byStatus,
    byTheme,
    perMonth,
    statusFlow: [...flow.values()],
    matched: { matched: matchedCount, total: nonConcept, share: nonConcept ? Math.round((matchedCount / nonConcept) * 1000) / 10 : null },
    studentsPerSchool: studentsPerSchool.map((r) => ({ ...r, shortageFte: r.shortageFte === null ? null : Math.round(r.shortageFte * 10) / 10 })),
    actions: { done: countOf("gedaan"), open: countOf("gepland", "bezig"), letGo: countOf("losgelaten") },
    scanTrend,
  };
}

export type CsvTable = "status" | "verloop" | "gematcht" | "thema" | "maand" | "studenten" | "acties" | "scan";
export const CSV_TABLES: readonly CsvTable[] = ["status", "verloop", "gematcht", "thema", "maand", "studenten", "acties", "scan"];

/** One dashboard table as rows with Dutch headers, for the CSV download. */
export function csvRows(data: DashboardData, table: CsvTable, statusLabel: (s: QuestionStatus) => string): Record<string, string | number>[] {
  switch (table) {
    case "status":
      return data.byStatus.map((r) => ({ Status: statusLabel(r.status), Aantal: r.count }));
    case "verloop":
      return data.statusFlow.map((r) => ({ Maand: r.month, ...Object.fromEntries(FLOW_STATUSES.map((st) => [FLOW_CSV_HEADERS[st], r[st]])) }));
    case "gematcht":
      return [
        {
          Gematcht: data.matched.matched,
          "Vragen (zonder concepten)": data.matched.total,
          "Aandeel (%)": data.matched.share === null ? "" : String(data.matched.share).replace(".", ","),
        },
      ];
    case "thema":
      return data.byTheme.map((r) => ({ Thema: r.theme, Aantal: r.count }));
    case "maand":
      return data.perMonth.map((r) => ({ Maand: r.month, Aantal: r.count }));
    case "studenten":
      return data.studentsPerSchool.map((r) => ({
        School: r.school,
        Studenten: r.students,
        "Tekort (fte)": r.shortageFte === null ? "" : r.shortageFte.toFixed(1).replace(".", ","),
      }));
    case "acties":
      return [
        { Status: "Gedaan", Aantal: data.actions.done },
        { Status: "Open", Aantal: data.actions.open },
        { Status: "Losgelaten", Aantal: data.actions.letGo },
      ];
    case "scan":
      return data.scanTrend.flatMap((year) =>
        ASPECTS.map((a) => ({
          Schooljaar: year.schoolYear,
          Aspect: a.name,
          "Gemiddelde afgesproken fase": year.averages[a.id] === null ? "" : String(year.averages[a.id]).replace(".", ","),
          Scholen: year.schools,
        })),
      );
  }
}

export type DashboardScope = {
  kind: "region" | "school";
  /** Partnerships (region view) or schools (school view) to choose from. */
  options: PartnershipOption[];
  selected: string | null;
  schoolIds: string[];
};

/**
 * What a dashboard request covers. Programmaleiders and admins get the
 * region view: the requested partnership when they may see it, otherwise all
 * they may see. Schoolleiders and onderzoekscoördinatoren get the view of
 * their own school(s). Null: no dashboard at all, or a partnership or school
 * that is not theirs.
 */
export function resolveDashboardScope(actor: Actor, params: URLSearchParams): DashboardScope | null {
  if (can(actor, "dashboard:region")) {
    const options = dashboardPartnerships(actor);
    // An admin of a fresh installation sees the (empty) region dashboard, not a refusal (issue 19).
    if (options.length === 0) return knowActor(actor).isAdmin ? { kind: "region", options: [], selected: null, schoolIds: [] } : null;
    const requested = params.get("partnerschap") || null;
    if (requested && !options.some((p) => p.id === requested)) return null;
    const ids = requested ? [requested] : options.map((p) => p.id);
    return { kind: "region", options, selected: requested, schoolIds: schoolIdsOfPartnerships(ids) };
  }
  const ownIds = knowActor(actor).schoolIds.filter((id) =>
    can(actor, "dashboard:school", schoolScope(id)),
  );
  const own = getDb().all<PartnershipOption>(
    sql`select id, name from schools where id in (select value from json_each(${JSON.stringify(ownIds)})) order by name`,
  );
  if (own.length === 0) return null;
  const requested = params.get("school") || null;
  if (requested && !own.some((s) => s.id === requested)) return null;
  const selected = requested ?? own[0]!.id;
  return { kind: "school", options: own, selected, schoolIds: [selected] };
}

/** The CSV headers per table, also when a table has no rows yet. */
/** Dutch headers like the other CSVs (the files are shared as they are). */
const FLOW_CSV_HEADERS: Record<FlowStatus, string> = {
  ingediend: "Ingediend",
  open: "Open voor matching",
  gematcht: "Gematcht",
  afgerond: "Afgerond",
  geimplementeerd: "Geïmplementeerd",
};

export const CSV_FIELDS: Record<CsvTable, string[]> = {
  status: ["Status", "Aantal"],
  verloop: ["Maand", ...FLOW_STATUSES.map((st) => FLOW_CSV_HEADERS[st])],
  gematcht: ["Gematcht", "Vragen (zonder concepten)", "Aandeel (%)"],
  thema: ["Thema", "Aantal"],
  maand: ["Maand", "Aantal"],
  studenten: ["School", "Studenten", "Tekort (fte)"],
  acties: ["Status", "Aantal"],
  scan: ["Schooljaar", "Aspect", "Gemiddelde afgesproken fase", "Scholen"],
};
