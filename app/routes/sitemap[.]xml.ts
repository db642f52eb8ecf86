import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicResultsForSitemap } from "../models/public-result.server";
import { xmlEscape } from "../domain/oai/xml";

/**
 * sitemap.xml for search engines: the public showcase and every public result,
 * nothing else (the model pre-filters on visibility and asks the permission
 * module per row, as an anonymous visitor).
 */
export async function loader({ context }: LoaderFunctionArgs) {
  const origin = context.origin;
  const entries = [
    `<url><loc>${xmlEscape(`${origin}/opbrengsten`)}</loc><changefreq>daily</changefreq></url>`,
    ...publicResultsForSitemap().map(
      (r) => `<url><loc>${xmlEscape(`${origin}/opbrengsten/${r.id}`)}</loc><lastmod>${xmlEscape(r.lastModified.slice(0, 10))}</lastmod></url>`,
    ),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
