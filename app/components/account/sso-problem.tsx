import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SsoErrorData } from "../../utils/sso-routes.server";

/** Why single sign-on did not sign someone in, and what to do next. */
export function SsoProblem({ problem, email }: SsoErrorData) {
  const { t } = useTranslation();
  const forbidden = problem === "noAccount" || problem === "noEmail" || problem === "disabled";
  const message = {
    badRequest: t("account.sso.badRequest"),
    providerError: t("account.sso.providerError"),
    unavailable: t("account.sso.unavailable"),
    notConfigured: t("account.sso.notConfigured"),
    noAccount: t("account.sso.forbidden", { email: email ?? "" }),
    noEmail: t("account.sso.noEmail"),
    disabled: t("account.sso.disabled"),
  }[problem];
  return (
    <div className="narrow stack">
      <h1>{forbidden ? t("account.sso.forbiddenTitle") : t("account.sso.badRequestTitle")}</h1>
      <p role="alert">{message}</p>
      <p>
        <Link to="/login">{t("account.sso.toLogin")}</Link>
      </p>
    </div>
  );
}
