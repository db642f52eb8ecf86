import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { changeSentence, issueMessage, issueSentence, noteSentence } from "../../domain/import/messages";
import type { RowPlan, RowStatus } from "../../domain/import/plan";
import type { action, ActionData, loader } from "../../routes/beheer.import";
import { FILTERS } from "./filters";

const STATUS_CLASS: Record<RowStatus, string> = {
  nieuw: "import-status import-status--nieuw",
  bijgewerkt: "import-status import-status--bijgewerkt",
  ongewijzigd: "import-status import-status--ongewijzigd",
  fout: "import-status import-status--fout",
};

export function PreviewSection() {
  const { preview, columns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const { t } = useTranslation();
  const errorsRef = useRef<HTMLElement>(null);
  const p = preview!;
  const confirming = navigation.state === "submitting" && navigation.formData?.get("intent") === "confirm";
  useEffect(() => {
    if (p.counts.fout > 0 && !window.location.hash) errorsRef.current?.focus();
  }, [p.id, p.counts.fout]);
  const kindColumns = columns[p.kind];
  const format =
    p.facts.format === "xlsx"
      ? t("import.preview.formatXlsx")
      : t("import.preview.formatCsv", {
          encoding: t(`import.preview.encodings.${p.facts.encoding ?? "utf-8"}`),
          delimiter: t(`import.preview.delimiters.${p.facts.delimiter === ";" ? "semicolon" : p.facts.delimiter === "\t" ? "tab" : "comma"}`),
        });
  const pageLink = (page: number) => `?voorbeeld=${p.id}&toon=${p.filter}&pagina=${page}`;
  const filterLabel = p.filter === "alle" ? t("import.preview.filterAll") : t(`import.status.${p.filter}`);

  return (
    <>
      {actionData?.problems?.length ? (
        <div className="alert alert--error" role="alert">
          {actionData.problems.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      ) : null}
      <section aria-labelledby="preview-title" className="stack">
        <header>
          <h2 id="preview-title">{t("import.preview.title", { file: p.fileName })}</h2>
          <p className="muted">{t("import.preview.facts", { kind: t(`import.kinds.${p.kind}`), partnership: p.partnershipName, format })}</p>
        </header>
        <section aria-labelledby="preview-summary-title" className="card">
          <h3 id="preview-summary-title">{t("import.preview.summaryTitle")}</h3>
          <p>{t("import.preview.total", { count: p.total })}</p>
          <ul className="import-counts">
            {(["nieuw", "bijgewerkt", "ongewijzigd", "fout"] as const).map((status) => (
              <li key={status}>
                <span className={STATUS_CLASS[status]}>{t(`import.status.${status}`)}</span> <strong>{p.counts[status]}</strong>
              </li>
            ))}
          </ul>
        </section>

        {p.counts.fout > 0 ? (
          <section className="alert alert--error stack-sm" aria-labelledby="preview-errors-title" tabIndex={-1} ref={errorsRef}>
            <h3 id="preview-errors-title">{t("import.preview.errorsTitle", { count: p.counts.fout })}</h3>
            <p>{t("import.preview.errorsIntro")}</p>
            <ul>
              {p.issues.map(({ issue, href }, index) => (
                <li key={`${issue.row}-${index}`}>
                  <a href={href}>{issueSentence(t, issue)}</a>
                </li>
              ))}
            </ul>
            {p.moreIssues > 0 ? <p>{t("import.preview.moreErrors", { count: p.moreIssues })}</p> : null}
            <p>
              <a href={`/beheer/import/${p.id}/fouten`} download>
                {t("import.preview.errorReport")}
              </a>
            </p>
          </section>
        ) : null}

        {p.nothingToDo ? (
          <div className="alert alert--info" role="status">
            {t("import.preview.nothingToDo")}
          </div>
        ) : null}

        <div className="import-actions">
          {p.canConfirm ? (
            <section className="card stack-sm" aria-labelledby="confirm-title">
              <h3 id="confirm-title">{t("import.preview.confirmTitle")}</h3>
              <p>{t("import.preview.confirmText", { new: p.counts.nieuw, updated: p.counts.bijgewerkt })}</p>
              <div className="button-row">
                <Form method="post">
                  <input type="hidden" name="intent" value="confirm" />
                  <input type="hidden" name="id" value={p.id} />
                  <button type="submit" className="button" disabled={confirming} aria-busy={confirming}>
                    {confirming ? t("import.preview.pendingConfirm") : t("import.preview.confirm")}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="discard" />
                  <input type="hidden" name="id" value={p.id} />
                  <button type="submit" className="button button--secondary" disabled={confirming}>
                    {t("import.preview.cancel")}
                  </button>
                </Form>
              </div>
            </section>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="discard" />
              <input type="hidden" name="id" value={p.id} />
              <button type="submit" className="button button--secondary">
                {t("import.preview.cancel")}
              </button>
            </Form>
          )}
        </div>

        <Form method="get" className="filter-row">
          <input type="hidden" name="voorbeeld" value={p.id} />
          <div className="field">
            <label htmlFor="preview-filter">{t("import.preview.filter")}</label>
            <select id="preview-filter" name="toon" defaultValue={p.filter}>
              {FILTERS.map((f) => (
                <option key={f} value={f}>
                  {f === "alle" ? t("import.preview.filterAll") : t(`import.status.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t("import.preview.filterSubmit")}
          </button>
        </Form>

        {/* Focusable so keyboard users can scroll a wide table (WCAG 2.1.1). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must take focus */}
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="preview-caption">
          <table className="import-table">
            <caption id="preview-caption">
              {p.filteredTotal
                ? t("import.preview.caption", { from: p.from, to: p.to, total: p.filteredTotal, filter: filterLabel })
                : t("import.preview.captionEmpty")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("import.preview.columns.row")}</th>
                <th scope="col">{t("import.preview.columns.status")}</th>
                {kindColumns.map((c) => (
                  <th scope="col" key={c.key}>
                    {c.header}
                  </th>
                ))}
                <th scope="col">{t("import.preview.columns.details")}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((row) => (
                <PreviewRow key={row.row} row={row} columnKeys={kindColumns.map((c) => c.key)} />
              ))}
            </tbody>
          </table>
        </div>
        {p.pages > 1 ? (
          <nav aria-label={t("import.preview.pagination")} className="pagination">
            {p.page > 1 ? <Link to={pageLink(p.page - 1)}>{t("import.preview.previous")}</Link> : <span />}
            <span>{t("import.preview.page", { page: p.page, pages: p.pages })}</span>
            {p.page < p.pages ? <Link to={pageLink(p.page + 1)}>{t("import.preview.next")}</Link> : <span />}
          </nav>
        ) : null}
      </section>
    </>
  );
}

function PreviewRow({ row, columnKeys }: { row: RowPlan; columnKeys: string[] }) {
  const { t } = useTranslation();
  const values = row.values as Record<string, string | undefined>;
  return (
    <tr id={`rij-${row.row}`} className={row.status === "fout" ? "import-row--fout" : undefined}>
      <th scope="row">{row.row}</th>
      <td>
        <span className={STATUS_CLASS[row.status]}>{t(`import.status.${row.status}`)}</span>
      </td>
      {columnKeys.map((key) => (
        <td key={key}>{values[key] ?? ""}</td>
      ))}
      <td>
        <ul className="import-details">
          {row.issues.map((issue, i) => (
            <li key={`i${i}`} className="import-details__error">
              {issueMessage(t, issue)}
            </li>
          ))}
          {row.changes.map((change, i) => (
            <li key={`c${i}`}>{changeSentence(t, change)}</li>
          ))}
          {row.notes.map((note, i) => (
            <li key={`n${i}`} className="muted">
              {noteSentence(t, note)}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
