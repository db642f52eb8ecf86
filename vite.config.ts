import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    // Vitest loads this file too; the Remix plugin must not run there.
    !process.env.VITEST &&
      remix({
        // All v3 flags on, so the move to React Router 7 stays a codemod.
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
        ignoredRouteFiles: ["**/*.test.{ts,tsx}"],
      }),
    tsconfigPaths(),
  ],
  build: {
    // The server bundle keeps node_modules external; better-sqlite3 is native.
    target: "es2022",
  },
});
