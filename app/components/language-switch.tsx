import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "../i18n";

/** Works without JavaScript: a POST to /taal sets the cookie and comes back here. */
export function LanguageSwitch({ redirectTo }: { redirectTo: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Form method="post" action="/taal" className="language-switch" aria-label={t("language.switch")}>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="lng"
          value={locale}
          lang={locale}
          aria-pressed={i18n.language === locale}
          className="language-switch__option"
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </Form>
  );
}
