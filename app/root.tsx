import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { AppHeader } from "./components/app-header";
import { LocalizedValidity } from "./components/localized-validity";
import { ToastMessage } from "./components/toast-message";
import { can } from "./domain/permissions";
import { DEFAULT_LOCALE, i18nFor, type Locale } from "./i18n";
import { hasDemoAccounts } from "./models/demo.server";
import { unreadNotificationCount } from "./models/notification.server";
import { toActor } from "./models/user.server";
import stylesHref from "./styles/app.css?url";
import navMenuHref from "./styles/nav-menu.css?url";
import { getCurrentUser } from "./utils/auth.server";
import { getLocale } from "./utils/i18n.server";
import { useNonce } from "./utils/nonce";
import { readToast } from "./utils/toast.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "stylesheet", href: navMenuHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, locale, { toast, clearHeader }] = await Promise.all([
    getCurrentUser(request),
    getLocale(request),
    readToast(request),
  ]);
  const actor = user ? toActor(user) : null;
  const nav = {
    questions: can(actor, "questions:browse"),
    // The agenda belongs to schools; programme leaders and admins look at their schools' agendas.
    agenda: !!user?.memberships.some((m) => m.schoolId) || can(actor, "question:triage"),
    triage: can(actor, "question:triage"),
    organisations: can(actor, "organisations:view"),
    invitations: can(actor, "invitation:manage"),
    import: can(actor, "import:use"),
    audit: can(actor, "audit:view"),
    people: can(actor, "person:erase"),
    mail: can(actor, "mail:view-queue"),
    sso: can(actor, "partnership:set-sso-only"),
  };
  const unread = user ? unreadNotificationCount(user.id) : 0;
  // Contract 6.11: while demo accounts (public password) can sign in, every page says so.
  const demo = hasDemoAccounts();
  return data(
    { user: user ? { name: user.name, email: user.email } : null, nav, locale, toast, unread, demo },
    { headers: clearHeader ? { "Set-Cookie": clearHeader } : undefined },
  );
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>["data"];

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = rootData?.locale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  // One i18next instance per language; the page's language is loaded before hydration.
  const i18n = i18nFor(locale);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const rootData = useRouteLoaderData<typeof loader>("root");
  // A sign that the page's script runs (tests and the page bench wait for it instead of guessing).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
    performance.mark("app:hydrated");
  }, []);
  return (
    <Page
      user={rootData?.user ?? null}
      nav={rootData?.nav}
      toast={rootData?.toast ?? null}
      unread={rootData?.unread ?? 0}
      demo={rootData?.demo ?? false}
    >
      <Outlet />
    </Page>
  );
}

function Page({
  user,
  nav,
  toast,
  unread = 0,
  demo = false,
  children,
}: {
  user: RootLoaderData["user"];
  nav?: RootLoaderData["nav"];
  toast: RootLoaderData["toast"];
  unread?: number;
  demo?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#inhoud">
        {t("app.skipToContent")}
      </a>
      {demo ? (
        <aside className="demo-banner" aria-label={t("app.demoBannerLabel")}>
          <p>{t("app.demoBanner")}</p>
        </aside>
      ) : null}
      <AppHeader user={user} nav={nav} unread={unread} />
      <LocalizedValidity />
      {toast ? <ToastMessage toast={toast} /> : null}
      <main id="inhoud" tabIndex={-1} className="main">
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {t("app.footer")} · <Link to="/privacy">{t("privacy.footerLink")}</Link>
        </p>
      </footer>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation();
  let title = t("errors.genericTitle");
  let text = t("errors.genericText");
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t("errors.notFoundTitle");
      text = t("errors.notFoundText");
    } else if (error.status === 403) {
      title = t("errors.forbiddenTitle");
      text = t("errors.forbiddenText");
    } else if (error.status < 500) {
      const message = (error.data as { error?: unknown } | undefined)?.error;
      title = t("errors.genericTitle");
      text = typeof message === "string" ? message : t("errors.badRequest");
    }
  }
  return (
    <Page user={rootData?.user ?? null} nav={rootData?.nav} toast={null} demo={rootData?.demo ?? false}>
      <div className="error-page">
        <h1>{title}</h1>
        <p>{text}</p>
        <p>
          <a href="/">{t("errors.backHome")}</a>
        </p>
      </div>
    </Page>
  );
}
