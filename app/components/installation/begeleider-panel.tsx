import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, SelectField } from "../organisations/form-parts";

type Person = { id: string; name: string };
type Option = Person & { role: "instituutsopleider" | "werkplekbegeleider" };

/** Who supervises a project, and (for the programmaleider or an admin) adding and removing them. */
export function BegeleiderPanel({
  begeleiders,
  options,
  canManage,
  error,
  pending,
}: {
  begeleiders: Person[];
  options: Option[];
  canManage: boolean;
  error?: string;
  pending: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section id="begeleiders" className="card stack" aria-labelledby="begeleiders-title">
      <h2 id="begeleiders-title">{t("install.projects.begeleiders")}</h2>
      <p className="muted">{t("install.projects.begeleidersIntro")}</p>
      <FormAlert error={error} />
      {begeleiders.length === 0 ? (
        <p className="alert alert--info" role="status">
          {t("install.projects.noBegeleider")}
        </p>
      ) : (
        <ul className="plan-members" data-testid="begeleiders">
          {begeleiders.map((b) => (
            <li key={b.id} className="button-row">
              <span>{b.name}</span>
              {canManage ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="userId" value={b.id} />
                  <button type="submit" className="button button--secondary button--small" disabled={pending} aria-label={t("install.projects.removeLabel", { name: b.name })}>
                    {t("install.projects.remove")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        options.length === 0 ? (
          // Everyone eligible may already be on the project: then "invite them first" would be wrong.
          <p className="muted">{t(begeleiders.length > 0 ? "installWalk.projects.allChosen" : "install.projects.noOptions")}</p>
        ) : (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="add" />
            <SelectField
              id="begeleider-user"
              name="userId"
              label={t("install.projects.person")}
              placeholder={t("install.projects.choose")}
              options={options.map((o) => ({ value: o.id, label: `${o.name} — ${t(`install.projects.roles.${o.role}`)}` }))}
            />
            <div>
              <button type="submit" className="button" disabled={pending} aria-busy={pending}>
                {t("install.projects.add")}
              </button>
            </div>
          </Form>
        )
      ) : null}
    </section>
  );
}
