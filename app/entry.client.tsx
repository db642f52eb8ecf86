import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { addLocale } from "./i18n";

/** English text is its own chunk, fetched only for a page the server rendered in English. */
async function loadPageLanguage(): Promise<void> {
  if (document.documentElement.lang === "en") addLocale("en", (await import("./locales/en")).default);
}

void loadPageLanguage().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
