import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { IMPORT_KINDS } from "../../domain/import/types";
import type { action, ActionData, loader } from "../../routes/beheer.import";

export function UploadSection() {
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
