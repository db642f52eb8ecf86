import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, UploadHandler } from "@remix-run/node";
import { data, redirect, unstable_parseMultipartFormData } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COLUMNS } from "../domain/import/columns";
import { problemSentences, resultSummary } from "../domain/import/messages";
import {
  IMPORT_KINDS,
  isImportKind,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type FileProblem,
  type ImportKind,
  type RowIssue,
} from "../domain/import/types";
import { can } from "../domain/permissions";
import {
  confirmImport,
  createPreview,
  discardStoredImport,
  importPartnerships,
  loadStoredImport,
  importedInvitations,
  sweepExpiredImports,
  type StoredImport,
} from "../models/import.server";
import { toActor } from "../models/user.server";
import { forbidden, requirePermission } from "../utils/guard.server";
import { readForm } from "../utils/forms.server";
import { getLocale, getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";
import { FILTERS, type Filter } from "../components/import/filters";
import { PreviewSection } from "../components/import/preview-section";
import { ResultSection } from "../components/import/result-section";
import { UploadSection } from "../components/import/upload-section";

export const meta: MetaFunction = () => [{ title: "Importeren — Samen Onderzoeken" }];

const PAGE_SIZE = 100;
const ERRORS_LISTED = 50;
const LINKS_SHOWN = 100;

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

function resultView(stored: StoredImport) {
  const result = stored.result!;
  return {
    id: stored.id,
    kind: stored.kind,
    fileName: stored.fileName,
    partnershipName: stored.partnershipName,
    counts: result.counts,
    invitations: importedInvitations(result.invitations.slice(0, LINKS_SHOWN)),
    totalInvitations: result.invitations.length,
    expiresAt: stored.expiresAt,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
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
    result: result?.result ? resultView(result) : null,
    resultGone: !!resultId && !result?.result,
    locale: await getLocale(request),
  };
}

export type ActionData = { problems?: string[]; values?: { kind?: string; partnership?: string } };

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
    // Every invitation's link goes by mail, queued in the import's transaction (issue 21).
    const outcome = confirmImport({ id, actor, userId: user.id, ip: context.clientIp, origin: context.origin });
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
          { status: 303 },
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
