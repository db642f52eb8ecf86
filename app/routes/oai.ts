import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { answerOai } from "../models/oai.server";

/**
 * OAI-PMH 2.0 (contract 6.17, docs/decisions/0019): GET with a query string or
 * POST with an application/x-www-form-urlencoded body. Open to anyone: every
 * record passes the permission module as an anonymous visitor (models/oai.server.ts).
 */
function xml(body: string) {
  return new Response(body, { headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  return xml(answerOai([...new URL(request.url).searchParams], { origin: context.origin }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  // Any other body is answered as a request without arguments (badVerb), never a 4xx page.
  const pairs = type === "application/x-www-form-urlencoded" ? [...new URLSearchParams(await request.text())] : [];
  return xml(answerOai(pairs, { origin: context.origin }));
}
