import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, UploadHandler } from "@remix-run/node";
import { data, redirect, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { COLUMNS } from "../domain/import/columns";
import { changeSentence, issueMessage, issueSentence, noteSentence, problemSentences, resultSummary } from "../domain/import/messages";
import type { RowPlan, RowStatus } from "../domain/import/plan";
import { IMPORT_KINDS, isImportKind, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type FileProblem, type ImportKind, type RowIssue } from "../domain/import/types";
import { can } from "../domain/permissions";
import {
  confirmImport,
  createPreview,
  discardStoredImport,
  importPartnerships,
  loadStoredImport,
  openInvitationLinks,
  sweepExpiredImports,
  type StoredImport,
} from "../models/import.server";
import { toActor } from "../models/user.server";
import { forbidden, requirePermission } from "../utils/guard.server";
import { readForm } from "../utils/forms.server";
import { linkKeyCookie, newLinkKey, readLinkKey } from "../utils/link-seal.server";
import { getLocale, getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Importeren — Samen Onderzoeken" }];

const PAGE_SIZE = 100;
const ERRORS_LISTED = 50;
const LINKS_SHOWN = 100;
const FILTERS = ["alle", "fout", "nieuw", "bijgewerkt", "ongewijzigd"] as const;
type Filter = (typeof FILTERS)[number];

function previewView(stored: StoredImport, params: URLSearchParams) {
  const requested = params.get("toon") as Filter | null;
  const filter: Filter = requested && FILTERS.includes(requested) ? requested : stored.counts.fout > 0 ? "fout" : "alle";
  const filtered = filter === "alle" ? stored.rows : stored.rows.filter((r) => r.status === filter);
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(params.get("pagina") ?? "1", 10) || 1));
  const errorRows = stored.rows.filter((r) => r.status === "fout");
  const issues: { issue: RowIssue; href: string }[] = [];
  let totalIssues = 0;
  errorRows.forEach((row, index) => {
    for (const issue of row.issues) {
      totalIssues++;
      if (issues.length < ERRORS_LISTED) {
        const errorPage = Math.floor(index / PAGE_SIZE) + 1;
        issues.push({ issue, href: `?voorbeeld=${stored.id}&toon=fout&pagina=${errorPage}#rij-${row.row}` });
      }
    }
  });
  const changes = stored.operations.schoolsCreated + stored.operations.schoolsUpdated + stored.operations.invitationsCreated + stored.operations.invitationsUpdated;
  return {
    id: stored.id,
    fileName: stored.fileName,
    kind: stored.kind,
    partnershipName: stored.partnershipName,
    facts: stored.facts,
    counts: stored.counts,
    total: stored.rows.length,
    filter,
    page,
    pages,
    filteredTotal: filtered.length,
    from: filtered.length ? (page - 1) * PAGE_SIZE + 1 : 0,
    to: Math.min(filtered.length, page * PAGE_SIZE),
    rows: filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    issues,
    moreIssues: totalIssues - issues.length,
    canConfirm: stored.counts.fout === 0 && changes > 0,
    nothingToDo: stored.counts.fout === 0 && changes === 0,
  };
}

function resultView(stored: StoredImport, linkKey: Buffer | null, origin: string) {
  const result = stored.result!;
  return {
    id: stored.id,
    kind: stored.kind,
    fileName: stored.fileName,
    partnershipName: stored.partnershipName,
    counts: result.counts,
    invitations: openInvitationLinks(result.invitations.slice(0, LINKS_SHOWN), linkKey, origin),
    totalInvitations: result.invitations.length,
    expiresAt: stored.expiresAt,
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "import:use");
  const actor = toActor(user);
  sweepExpiredImports();
  const params = new URL(request.url).searchParams;
  const previewId = params.get("voorbeeld");
  const resultId = params.get("resultaat");
  const preview = previewId ? loadStoredImport(previewId, user.id) : null;
  // A preview that has been imported in the meantime (another tab) shows its result.
  const result = resultId ? loadStoredImport(resultId, user.id) : preview?.result ? preview : null;
  return {
    partnerships: importPartnerships(actor),
    columns: Object.fromEntries(
      IMPORT_KINDS.map((kind) => [kind, COLUMNS[kind].map((c) => ({ key: c.key, header: c.header, required: c.required, example: c.example }))]),
    ) as Record<ImportKind, { key: string; header: string; required: boolean; example: string }[]>,
    limits: { mb: MAX_IMPORT_BYTES / 1024 / 1024, rows: MAX_IMPORT_ROWS, bytes: MAX_IMPORT_BYTES },
    preview: preview && !preview.result ? previewView(preview, params) : null,
    previewGone: !!previewId && !preview,
    result: result?.result ? resultView(result, readLinkKey(request), context.origin) : null,
    resultGone: !!resultId && !result?.result,
    locale: await getLocale(request),
  };
}

type ActionData = { problems?: string[]; values?: { kind?: string; partnership?: string } };

class UploadTooLarge extends Error {}

/**
 * Collects the upload while it streams in and stops at the limit, so a 50 MB
 * upload is refused after 10 MB, not after buffering it (the Content-Length
 * check in server/index.ts catches honest clients even earlier).
 */
function importUploadHandler(): UploadHandler {
  let total = 0;
  return async ({ name, filename, contentType, data: stream }) => {
    const limit = filename === undefined ? 10_000 : MAX_IMPORT_BYTES;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of stream) {
      size += chunk.byteLength;
      total += chunk.byteLength;
      if (size > limit || total > MAX_IMPORT_BYTES + 100_000) throw new UploadTooLarge();
      chunks.push(chunk);
    }
    if (filename === undefined) return new TextDecoder().decode(Buffer.concat(chunks));
    if (name !== "bestand") return undefined;
    return new File(chunks as unknown as BlobPart[], filename, { type: contentType });
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "import:use");
  const actor = toActor(user);
  const t = await getT(request);
  const contentType = request.headers.get("content-type") ?? "";

  if (!contentType.startsWith("multipart/form-data")) {
    const form = await readForm(request);
    if (!form) return data<ActionData>({ problems: [t("errors.badRequest")] }, { status: 400 });
    const id = (form.id ?? "").slice(0, 100);
    if (form.intent === "discard") {
      discardStoredImport(id, user.id);
      return redirect("/beheer/import");
    }
    if (form.intent !== "confirm") return data<ActionData>({ problems: [t("errors.badRequest")] }, { status: 400 });
    // The links are stored sealed under a key that only this browser holds (utils/link-seal.server.ts).
    const linkKey = readLinkKey(request) ?? newLinkKey();
    const outcome = confirmImport({ id, actor, userId: user.id, ip: context.clientIp, linkKey });
    switch (outcome.status) {
      case "notFound":
        return data<ActionData>({ problems: [t("import.preview.expired")] }, { status: 404 });
      case "hasErrors":
        return data<ActionData>({ problems: [t("import.preview.hasErrors")] }, { status: 400 });
      case "changed":
        return redirectWithToast(`/beheer/import?voorbeeld=${outcome.stored.id}`, { kind: "info", message: t("import.preview.changed") }, { status: 303 });
      case "alreadyImported":
      case "imported":
        return redirectWithToast(
          `/beheer/import?resultaat=${outcome.stored.id}`,
          { kind: "success", message: resultSummary(t, outcome.stored.result!.counts) },
          { status: 303, headers: { "Set-Cookie": linkKeyCookie(linkKey, context.isSecure) } },
        );
    }
  }

  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, importUploadHandler());
  } catch (error) {
    const tooLarge = error instanceof UploadTooLarge || (error instanceof Error && /exceeded|size/i.test(error.message));
    // The rest of the upload was not read: close the connection so it is not reused mid-body.
    return data<ActionData>(
      { problems: [t(tooLarge ? "import.problems.tooLarge" : "errors.badRequest", { max: MAX_IMPORT_BYTES / 1024 / 1024 })] },
      { status: tooLarge ? 413 : 400, headers: { Connection: "close" } },
    );
  }
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value.slice(0, 200) : "";
  };
  const values = { kind: text("kind"), partnership: text("partnership") };
  const problems: string[] = [];
  if (!isImportKind(values.kind)) problems.push(t("import.problems.kindRequired"));
  if (!values.partnership) problems.push(t("import.problems.partnershipRequired"));
  const file = form.get("bestand");
  if (!(file instanceof File) || file.size === 0) problems.push(t("import.problems.noFile"));
  if (problems.length) return data<ActionData>({ problems, values }, { status: 400 });
  // A programmaleider imports only into the partnership they lead; admins anywhere.
  if (!can(actor, "import:partnership", { partnershipIds: [values.partnership] }) || !importPartnerships(actor).some((p) => p.id === values.partnership)) {
    return forbidden<ActionData>({ problems: [t("import.problems.partnershipForbidden")], values });
  }
  const kind = values.kind as ImportKind;
  const upload = file as File;
  const outcome = await createPreview({
    actor,
    userId: user.id,
    kind,
    partnershipId: values.partnership,
    fileName: upload.name,
    bytes: new Uint8Array(await upload.arrayBuffer()),
  });
  if ("problem" in outcome) {
    return data<ActionData>({ problems: problemSentences(t, outcome.problem as FileProblem, t(`import.kinds.${kind}`)), values }, { status: 400 });
  }
  return redirect(`/beheer/import?voorbeeld=${outcome.id}`, 303);
}

export default function ImportPage() {
  const { preview, result, previewGone, resultGone } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("import.title")}</h1>
        <p className="lead">{t("import.intro")}</p>
      </header>
      {previewGone && !preview ? (
        <div className="alert alert--error" role="alert">
          {t("import.preview.expired")}
        </div>
      ) : null}
      {resultGone && !result ? (
        <div className="alert alert--info" role="status">
          {t("import.result.gone")}
        </div>
      ) : null}
      {result ? <ResultSection /> : preview ? <PreviewSection /> : <UploadSection />}
    </div>
  );
}

function UploadSection() {
  const { partnerships, limits, columns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [clientProblem, setClientProblem] = useState<string | null>(null);
  const [kind, setKind] = useState<string>(actionData?.values?.kind ?? "scholen");
  const problemsRef = useRef<HTMLDivElement>(null);
  const pending = navigation.state === "submitting" && navigation.formMethod?.toLowerCase() === "post";
  const problems = clientProblem ? [clientProblem] : (actionData?.problems ?? []);
  useEffect(() => {
    if (problems.length) problemsRef.current?.focus();
  }, [problems.length, actionData]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("bestand") as HTMLInputElement | null;
    const chosen = input?.files?.[0];
    if (chosen && chosen.size > limits.bytes) {
      event.preventDefault();
      setClientProblem(t("import.problems.tooLarge", { max: limits.mb }));
    } else {
      setClientProblem(null);
    }
  };

  return (
    <>
      {problems.length ? (
        <div className="alert alert--error stack-sm" role="alert" tabIndex={-1} ref={problemsRef} id="import-problems">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}
      <section className="card" aria-labelledby="import-form-title">
        <h2 id="import-form-title">{t("import.formTitle")}</h2>
        <p>{t("import.order")}</p>
        <Form method="post" encType="multipart/form-data" className="stack" onSubmit={onSubmit}>
          <fieldset className="stack-sm">
            <legend>{t("import.kindLegend")}</legend>
            {IMPORT_KINDS.map((k) => (
              <div key={k} className="radio-option">
                <label className="checkbox">
                  <input
                    type="radio"
                    name="kind"
                    value={k}
                    checked={kind === k}
                    onChange={() => setKind(k)}
                    aria-describedby={`kind-${k}-help`}
                  />{" "}
                  {t(`import.kinds.${k}`)}
                </label>
                <p className="field__help" id={`kind-${k}-help`}>
                  {t(`import.kindHelp.${k}`)}
                </p>
              </div>
            ))}
          </fieldset>
          {partnerships.length === 1 ? (
            <div className="field">
              <input type="hidden" name="partnership" value={partnerships[0]!.id} />
              <p>
                <strong>{t("import.partnership")}:</strong> {partnerships[0]!.name}
              </p>
              <p className="field__help">{t("import.partnershipHelp")}</p>
            </div>
          ) : (
            <div className="field">
              <label htmlFor="import-partnership">{t("import.partnership")}</label>
              <p className="field__help" id="import-partnership-help">
                {t("import.partnershipHelp")}
              </p>
              <select id="import-partnership" name="partnership" required defaultValue={actionData?.values?.partnership ?? ""} aria-describedby="import-partnership-help">
                <option value="">{t("import.partnershipPlaceholder")}</option>
                {partnerships.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="import-file">{t("import.file")}</label>
            <p className="field__help" id="import-file-help">
              {t("import.fileHelp", { mb: limits.mb, rows: limits.rows.toLocaleString("nl-NL") })}
            </p>
            <input
              id="import-file"
              name="bestand"
              type="file"
              required
              accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`import-file-help${problems.length ? " import-problems" : ""}`}
              aria-invalid={problems.length ? true : undefined}
              onChange={() => setClientProblem(null)}
            />
          </div>
          <div>
            <button type="submit" className="button" disabled={pending} aria-busy={pending}>
              {pending ? t("import.pendingPreview") : t("import.submit")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="import-templates-title" className="stack">
        <h2 id="import-templates-title">{t("import.templates.title")}</h2>
        <p>{t("import.templates.intro")}</p>
        {IMPORT_KINDS.map((k) => (
          <section key={k} className="card stack-sm" aria-labelledby={`template-${k}`}>
            <h3 id={`template-${k}`}>{t(`import.kinds.${k}`)}</h3>
            <p>
              <a href={`/beheer/import/sjabloon/${k}`} download={`sjabloon-${k}.csv`}>
                {t("import.templates.download", { kind: t(`import.kinds.${k}`).toLowerCase() })}
              </a>
            </p>
            <dl className="import-columns">
              {columns[k].map((c) => (
                <div key={c.key}>
                  <dt>
                    <code>{c.header}</code> <span className="muted">({c.required ? t("import.templates.required") : t("import.templates.optional")})</span>
                  </dt>
                  <dd>
                    {t(`import.columnHelp.${k}.${c.key}`)}
                    {c.example ? <span className="muted"> — {t("import.templates.example", { value: c.example })}</span> : null}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </section>
    </>
  );
}

const STATUS_CLASS: Record<RowStatus, string> = {
  nieuw: "import-status import-status--nieuw",
  bijgewerkt: "import-status import-status--bijgewerkt",
  ongewijzigd: "import-status import-status--ongewijzigd",
  fout: "import-status import-status--fout",
};

function PreviewSection() {
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

function ResultSection() {
  const { result, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const r = result!;
  const time = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", { timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(new Date(r.expiresAt));
  return (
    <section aria-labelledby="result-title" className="stack">
      <div className="alert alert--success" role="status">
        <h2 id="result-title">{t("import.result.title")}</h2>
        <p>{resultSummary(t, r.counts)}</p>
        <p className="muted">{t("import.preview.facts", { kind: t(`import.kinds.${r.kind}`), partnership: r.partnershipName, format: r.fileName })}</p>
      </div>
      {r.totalInvitations > 0 ? (
        <section aria-labelledby="links-title" className="stack-sm">
          <h3 id="links-title">{t("import.result.linksTitle")}</h3>
          <p>{t("import.result.linksIntro", { time })}</p>
          <p>
            <a className="button button--secondary" href={`/beheer/import/${r.id}/uitnodigingen`} download>
              {t("import.result.linksDownload")}
            </a>
          </p>
          {r.totalInvitations > r.invitations.length ? <p>{t("import.result.linksMore", { shown: r.invitations.length, total: r.totalInvitations })}</p> : null}
          <div className="table-scroll">
            <table>
              <caption>{t("import.result.linksCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("import.result.columns.name")}</th>
                  <th scope="col">{t("import.result.columns.email")}</th>
                  <th scope="col">{t("import.result.columns.role")}</th>
                  <th scope="col">{t("import.result.columns.organisation")}</th>
                  <th scope="col">{t("import.result.columns.link")}</th>
                </tr>
              </thead>
              <tbody>
                {r.invitations.map((inv) => (
                  <tr key={`${inv.email}-${inv.role}-${inv.organisation}`}>
                    <th scope="row">{inv.name}</th>
                    <td>{inv.email}</td>
                    <td>{t(`roles.${inv.role}`)}</td>
                    <td>{inv.organisation}</td>
                    <td>
                      {inv.link ? (
                        <input
                          className="import-link"
                          readOnly
                          value={inv.link}
                          aria-label={t("invitations.linkLabel", { name: inv.name })}
                          onFocus={(e) => e.currentTarget.select()}
                        />
                      ) : (
                        t("import.result.linkOtherBrowser")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <p>
        <Link to="/beheer/import">{t("import.result.again")}</Link>
      </p>
    </section>
  );
}
