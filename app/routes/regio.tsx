import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { BarChartFigure } from "../components/charts/bar-chart";
import { ASPECTS } from "../domain/culture-scan";
import { dashboardFor, resolveDashboardScope, type CsvTable } from "../models/dashboard.server";
import { FLOW_STATUSES } from "../domain/question-lifecycle";
import { toActor } from "../models/user.server";
import { refusal, requireUser } from "../utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Dashboard partnerschap en regio — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scope = resolveDashboardScope(toActor(user), new URL(request.url).searchParams);
  if (!scope) return refusal(request, { message: "scan.regio.notAllowed" });
  return { kind: scope.kind, options: scope.options, selected: scope.selected, data: dashboardFor(scope.schoolIds) };
}

/** One dashboard block: heading, chart, the same figures as a table, and a CSV link. */
function Block({ id, title, table, selected, children }: { id: string; title: string; table: CsvTable; selected: Record<string, string>; children: ReactNode }) {
  const { t } = useTranslation();
  const query = new URLSearchParams({ tabel: table, ...selected });
  return (
    <section className="card stack dashboard-block" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
      <p>
        <a href={`/regio.csv?${query}`} download aria-label={`${t("scan.regio.csv")}: ${title}`}>
          {t("scan.regio.csv")}
        </a>
      </p>
    </section>
  );
}

export default function RegioPage() {
  const { kind, options, selected: selectedId, data } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  // "2026-08" → "aug 2026"; UTC so the month never shifts with the browser's time zone.
  const monthFormat = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "nl-NL", { month: "short", year: "numeric", timeZone: "UTC" });
  const monthName = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));
  const perMonth = data.perMonth.map((r) => ({ ...r, month: monthName(r.month) }));
  const statusFlow = data.statusFlow.map((r) => ({ ...r, month: monthName(r.month) }));
  const flowSeries = FLOW_STATUSES.map((st) => ({ key: st, name: t(`questions.status.${st}`) }));
  // The school view filters by school, the region view by partnership.
  const param = kind === "school" ? "school" : "partnerschap";
  const selected: Record<string, string> = selectedId ? { [param]: selectedId } : {};
  const status = data.byStatus.map((r) => ({ label: t(`questions.status.${r.status}`), count: r.count }));
  const actions = [
    { label: t("scan.regio.actions.done"), count: data.actions.done },
    { label: t("scan.regio.actions.open"), count: data.actions.open },
    { label: t("scan.regio.actions.letGo"), count: data.actions.letGo },
  ];
  const countSeries = [{ key: "count", name: t("scan.regio.status.count") }];

  return (
    <div className="stack-lg regio-page">
      <header className="page-header">
        <div>
          <h1>{kind === "school" ? t("scan.regio.schoolTitle") : t("scan.regio.title")}</h1>
          <p className="lead">{kind === "school" ? t("scan.regio.schoolIntro") : t("scan.regio.intro")}</p>
        </div>
      </header>

      {kind === "region" && options.length === 0 ? (
        <p className="empty">
          {t("scan.regio.noPartnerships")} <Link to="/organisaties">{t("scan.regio.toOrganisations")}</Link>
        </p>
      ) : null}

      <Form method="get" className="card filters-inline" hidden={kind === "region" && options.length === 0}>
        <div className="field">
          <label htmlFor="regio-partnership">{kind === "school" ? t("scan.school") : t("scan.regio.partnership")}</label>
          <select id="regio-partnership" name={param} defaultValue={selectedId ?? ""}>
            {options.length > 1 && kind === "region" ? <option value="">{t("scan.regio.all")}</option> : null}
            {options.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("scan.regio.show")}
        </button>
        <p className="muted">{t("scan.regio.schoolsCount", { count: data.schools.length })}</p>
      </Form>

      <p className="muted">{t("scan.regio.chartHidden")}</p>

      <div className="dashboard-grid">
        <Block id="per-status" title={t("scan.regio.status.title")} table="status" selected={selected}>
          <BarChartFigure label={t("scan.regio.status.title")} data={status} categoryKey="label" series={countSeries} layout="vertical" height={340} />
          <SimpleTable caption={t("scan.regio.status.title")} headers={[t("scan.regio.status.status"), t("scan.regio.status.count")]} rows={status.map((r) => [r.label, r.count])} />
        </Block>

        <Block id="verloop" title={t("scan.regio.flow.title")} table="verloop" selected={selected}>
          <p>{t("scan.regio.flow.intro")}</p>
          {statusFlow.length === 0 ? (
            <p className="empty">{t("scan.regio.empty")}</p>
          ) : (
            <>
              <BarChartFigure label={t("scan.regio.flow.title")} data={statusFlow} categoryKey="month" series={flowSeries} height={300} />
              <SimpleTable
                caption={t("scan.regio.flow.title")}
                headers={[t("scan.regio.month.month"), ...flowSeries.map((s) => s.name)]}
                rows={statusFlow.map((r) => [r.month, ...FLOW_STATUSES.map((st) => r[st])])}
              />
            </>
          )}
        </Block>

        <Block id="aandeel-gematcht" title={t("scan.regio.matched.title")} table="gematcht" selected={selected}>
          <p className="dashboard-figure">
            {data.matched.share === null
              ? t("scan.regio.matched.none")
              : t("scan.regio.matched.text", {
                  matched: data.matched.matched,
                  total: data.matched.total,
                  share: data.matched.share.toLocaleString("nl-NL"),
                })}
          </p>
        </Block>

        <Block id="per-thema" title={t("scan.regio.theme.title")} table="thema" selected={selected}>
          {data.byTheme.length === 0 ? (
            <p className="empty">{t("scan.regio.empty")}</p>
          ) : (
            <>
              <BarChartFigure label={t("scan.regio.theme.title")} data={data.byTheme} categoryKey="theme" series={countSeries} layout="vertical" height={Math.max(200, data.byTheme.length * 34)} />
              <SimpleTable caption={t("scan.regio.theme.title")} headers={[t("scan.regio.theme.theme"), t("scan.regio.theme.count")]} rows={data.byTheme.map((r) => [r.theme, r.count])} />
            </>
          )}
        </Block>

        <Block id="per-maand" title={t("scan.regio.month.title")} table="maand" selected={selected}>
          {data.perMonth.length === 0 ? (
            <p className="empty">{t("scan.regio.empty")}</p>
          ) : (
            <>
              <BarChartFigure label={t("scan.regio.month.title")} data={perMonth} categoryKey="month" series={countSeries} height={260} />
              <SimpleTable caption={t("scan.regio.month.title")} headers={[t("scan.regio.month.month"), t("scan.regio.month.count")]} rows={perMonth.map((r) => [r.month, r.count])} />
            </>
          )}
        </Block>

        <Block id="studenten" title={t("scan.regio.students.title")} table="studenten" selected={selected}>
          <BarChartFigure
            label={t("scan.regio.students.title")}
            data={data.studentsPerSchool}
            categoryKey="school"
            layout="vertical"
            height={Math.max(240, data.studentsPerSchool.length * 44)}
            series={[
              { key: "students", name: t("scan.regio.students.students") },
              { key: "shortageFte", name: t("scan.regio.students.shortage") },
            ]}
          />
          <SimpleTable
            caption={t("scan.regio.students.title")}
            headers={[t("scan.regio.students.school"), t("scan.regio.students.students"), t("scan.regio.students.shortage")]}
            rows={data.studentsPerSchool.map((r) => [
              r.school,
              r.students,
              r.shortageFte === null ? t("scan.regio.students.unknown") : r.shortageFte.toLocaleString("nl-NL", { minimumFractionDigits: 1 }),
            ])}
          />
        </Block>

        <Block id="acties" title={t("scan.regio.actions.title")} table="acties" selected={selected}>
          <BarChartFigure label={t("scan.regio.actions.title")} data={actions} categoryKey="label" series={countSeries} height={220} />
          <SimpleTable caption={t("scan.regio.actions.title")} headers={[t("scan.regio.actions.status"), t("scan.regio.actions.count")]} rows={actions.map((r) => [r.label, r.count])} />
        </Block>

        <Block id="scan-trend" title={t("scan.regio.scan.title")} table="scan" selected={selected}>
          <p>{t("scan.regio.scan.intro")}</p>
          {data.scanTrend.length === 0 ? (
            <p className="empty">{t("scan.regio.scan.none")}</p>
          ) : (
            <>
              <BarChartFigure
                label={t("scan.regio.scan.title")}
                categoryKey="aspect"
                domain={[0, 4]}
                layout="vertical"
                height={420}
                data={ASPECTS.map((a) => ({ aspect: a.name, ...Object.fromEntries(data.scanTrend.map((y) => [y.schoolYear, y.averages[a.id] ?? null])) }))}
                series={data.scanTrend.map((y) => ({ key: y.schoolYear, name: `${y.schoolYear} (${t("scan.regio.scan.schools", { count: y.schools })})` }))}
              />
              <SimpleTable
                caption={t("scan.regio.scan.title")}
                headers={[t("scan.regio.scan.aspect"), ...data.scanTrend.map((y) => `${y.schoolYear} (${t("scan.regio.scan.schools", { count: y.schools })})`)]}
                rows={ASPECTS.map((a) => [a.name, ...data.scanTrend.map((y) => y.averages[a.id]?.toLocaleString("nl-NL") ?? "—")])}
              />
            </>
          )}
        </Block>
      </div>
    </div>
  );
}

function SimpleTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: (string | number)[][] }) {
  const { t } = useTranslation();
  return (
    // A scrollable region must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t("scan.regio.tableRegion", { caption })}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th scope="row" key={j}>
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
