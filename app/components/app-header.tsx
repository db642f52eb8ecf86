import { Form, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { clearLocalPlanCopies } from "../utils/local-plan-copies";
import { useHydrated } from "../utils/use-hydrated";
import type { RootLoaderData } from "../root";
import { LanguageSwitch } from "./language-switch";

export function AppHeader({
  user,
  nav,
  unread = 0,
}: {
  user: RootLoaderData["user"];
  nav?: RootLoaderData["nav"];
  unread?: number;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  // On a phone the site navigation folds into a menu button (after hydration; without JavaScript it stays open).
  const hydrated = useHydrated();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <a href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            SO
          </span>
          <span>{t("app.name")}</span>
        </a>
        <div className="site-header__tools">
          <LanguageSwitch redirectTo={`${location.pathname}${location.search}`} />
          {user ? (
            <div className="user-menu">
              <NavLink to="/meldingen" className="bell" aria-label={t("questions.notifications.bell", { count: unread })}>
                <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                  <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
                  <path d="M13.73 21a2 2 0 0 1-3.46 0" />
                </svg>
                {unread > 0 ? (
                  <span className="bell__count" aria-hidden="true">
                    {unread}
                  </span>
                ) : null}
              </NavLink>
              <NavLink to="/account" className="user-menu__name" aria-label={`${t("nav.signedInAs", { name: user.name })}: ${t("account.nav")}`}>
                {t("nav.signedInAs", { name: user.name })}
              </NavLink>
              {/* A full page load (reloadDocument) leaves nothing of the session in memory; the
                  plans kept in this browser for offline writing go first (shared computers). */}
              <Form
                method="post"
                action="/logout"
                reloadDocument
                onSubmit={(event) => {
                  const form = event.currentTarget;
                  if (form.dataset.cleared === "true") return;
                  event.preventDefault();
                  void clearLocalPlanCopies().finally(() => {
                    form.dataset.cleared = "true";
                    form.requestSubmit();
                  });
                }}
              >
                <button type="submit" className="button button--secondary button--small">
                  {t("nav.logout")}
                </button>
              </Form>
            </div>
          ) : location.pathname !== "/login" ? (
            <a className="button button--small" href="/login">
              {t("nav.login")}
            </a>
          ) : null}
        </div>
      </div>
      {user ? (
        <nav aria-label={t("app.mainNav")} className={`main-nav${hydrated ? " main-nav--foldable" : ""}`} data-open={menuOpen ? "true" : "false"}>
          {hydrated ? (
            <button
              type="button"
              className="main-nav__toggle button button--secondary button--small"
              aria-expanded={menuOpen}
              aria-controls="main-nav-list"
              onClick={() => setMenuOpen(!menuOpen)}
            >
              <span aria-hidden="true">☰ </span>
              {t("app.mainNav")}
            </button>
          ) : null}
          <ul id="main-nav-list">
            <li>
              <NavLink to="/" end>
                {t("nav.home")}
              </NavLink>
            </li>
            {nav?.questions ? (
              <li>
                <NavLink to="/vragen">{t("nav.questions")}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/matching">{t("nav.matching")}</NavLink>
            </li>
            <li>
              <NavLink to="/plannen">{t("nav.plans")}</NavLink>
            </li>
            <li>
              <NavLink to="/labs">{t("nav.labs")}</NavLink>
            </li>
            <li>
              <NavLink to="/opbrengsten">{t("nav.results")}</NavLink>
            </li>
            <li>
              <NavLink to="/expertgroepen">{t("nav.expertGroups")}</NavLink>
            </li>
            {nav?.agenda ? (
              <li>
                <NavLink to="/agenda">{t("nav.agenda")}</NavLink>
              </li>
            ) : null}
            {nav?.agenda ? (
              <li>
                <NavLink to="/scan">{t("scan.nav.scan")}</NavLink>
              </li>
            ) : null}
            {nav?.triage ? (
              <li>
                <NavLink to="/triage">{t("nav.triage")}</NavLink>
              </li>
            ) : null}
            {nav?.triage ? (
              <li>
                <NavLink to="/regio">{t("scan.nav.regio")}</NavLink>
              </li>
            ) : null}
            {nav?.organisations ? (
              <li>
                <NavLink to="/organisaties">{t("nav.organisations")}</NavLink>
              </li>
            ) : null}
            {nav?.invitations ? (
              <li>
                <NavLink to="/beheer/uitnodigingen">{t("nav.invitations")}</NavLink>
              </li>
            ) : null}
            {nav?.import ? (
              <li>
                <NavLink to="/beheer/import">{t("import.nav")}</NavLink>
              </li>
            ) : null}
            {nav?.audit ? (
              <li>
                <NavLink to="/beheer/logboek">{t("nav.audit")}</NavLink>
              </li>
            ) : null}
            {nav?.people ? (
              <li>
                <NavLink to="/beheer/personen">{t("privacy.people.title")}</NavLink>
              </li>
            ) : null}
            {nav?.mail ? (
              <li>
                <NavLink to="/beheer/mail">{t("mail.admin.nav")}</NavLink>
              </li>
            ) : null}
            {nav?.sso ? (
              <li>
                <NavLink to="/beheer/inloggen">{t("account.ssoAdmin.nav")}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
