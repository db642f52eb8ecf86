import type { MetaFunction } from "@remix-run/node";

/**
 * A constant page for `npm run bench`: the reference that the questions
 * benchmark compares against (same server, same root loader, no data work).
 * Answers 404 unless the server runs with ENABLE_BENCH_ROUTES=true.
 */
export const meta: MetaFunction = () => [{ title: "Referentiepagina — Samen Onderzoeken" }];

export function loader() {
  if (process.env.ENABLE_BENCH_ROUTES !== "true") throw new Response("Niet gevonden", { status: 404 });
  return null;
}

export default function BareReferencePage() {
  return <p>Referentiepagina voor de benchmark.</p>;
}
