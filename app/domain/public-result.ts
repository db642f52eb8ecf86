/**
 * How a public result presents itself outside the app: an APA citation to
 * copy, schema.org JSON-LD for search engines and a short description. Pure:
 * the caller brings the facts (and has checked that the result is public).
 */

export type PublicResultFacts = {
  title: string;
  /** The Dutch label of the result type, e.g. "Onderzoeksrapport". */
  typeLabel: string;
  summary: string;
  /** People, as stored ("Lotte Jansen", "Annelies de Graaf"); empty: the school is the author. */
  authors: string[];
  schoolName: string;
  schoolCity: string;
  /** ISO timestamp of publication. */
  publishedAt: string;
  themeNames: string[];
  /** The result's public URL. */
  url: string;
  /** Public links entered with the result. */
  links: { label: string; url: string }[];
  /** File download URLs with their names and MIME types. */
  files: { name: string; url: string; mimeType: string }[];
};

/** Dutch surname particles that stay with the surname ("de Graaf, A."). */
const PARTICLES = new Set(["van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "op", "la", "le", "du", "da", "el", "al"]);

/**
 * "Annelies de Graaf" → "de Graaf, A."; "Lotte Jansen" → "Jansen, L.";
 * a single word stays as it is. Initials of every given name, with their dots.
 */
export function apaName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return parts[0] ?? "";
  let firstSurname = parts.length - 1;
  while (firstSurname > 1 && PARTICLES.has(parts[firstSurname - 1]!.toLowerCase())) firstSurname--;
  const given = parts.slice(0, firstSurname);
  const surname = parts.slice(firstSurname).join(" ");
  const initials = given.map((g) => g.split("-").map((p) => `${p.charAt(0).toUpperCase()}.`).join("-")).join(" ");
  return `${surname}, ${initials}`;
}

/** APA 7 author list: "A, B, & C"; up to 20 names, then the first 19, "…", and the last. */
export function apaAuthors(names: string[]): string {
  const formatted = names.map(apaName).filter(Boolean);
  if (formatted.length === 0) return "";
  if (formatted.length === 1) return formatted[0]!;
  if (formatted.length > 20) return `${formatted.slice(0, 19).join(", ")}, … ${formatted.at(-1)}`;
  return `${formatted.slice(0, -1).join(", ")}, & ${formatted.at(-1)}`;
}

/**
 * APA 7 reference for grey literature: Author. (Year). Title [Type]. Publisher. URL
 * With no people named, the school is the (group) author and is not repeated as publisher.
 */
export function apaCitation(facts: Pick<PublicResultFacts, "authors" | "schoolName" | "publishedAt" | "title" | "typeLabel" | "url">): string {
  const year = facts.publishedAt.slice(0, 4);
  const people = apaAuthors(facts.authors);
  const author = people || facts.schoolName;
  const title = facts.title.trim().replace(/[.\s]+$/, "");
  const publisher = people ? ` ${facts.schoolName}.` : "";
  const authorPart = /\.$/.test(author) ? author : `${author}.`;
  return `${authorPart} (${year}). ${title} [${facts.typeLabel}].${publisher} ${facts.url}`;
}

/** A description for `<meta name="description">`: the summary's first ~160 characters, on a word boundary. */
export function metaDescription(summary: string, max = 160): string {
  const flat = summary.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, "")}…`;
}

/** Research reports are ScholarlyArticle; posters, lesson material and advice are CreativeWork. */
export function schemaOrgType(type: string): "ScholarlyArticle" | "CreativeWork" {
  return type === "onderzoeksrapport" || type === "samenvatting" ? "ScholarlyArticle" : "CreativeWork";
}

/** schema.org JSON-LD for a public result. */
export function jsonLd(facts: PublicResultFacts & { type: string }): Record<string, unknown> {
  const authors = facts.authors.length
    ? facts.authors.map((name) => ({ "@type": "Person", name }))
    : [{ "@type": "Organization", name: facts.schoolName }];
  return {
    "@context": "https://schema.org",
    "@type": schemaOrgType(facts.type),
    headline: facts.title.slice(0, 110),
    name: facts.title,
    abstract: facts.summary,
    description: metaDescription(facts.summary),
    author: authors,
    publisher: { "@type": "Organization", name: facts.schoolName, address: { "@type": "PostalAddress", addressLocality: facts.schoolCity } },
    datePublished: facts.publishedAt.slice(0, 10),
    inLanguage: "nl",
    genre: facts.typeLabel,
    keywords: facts.themeNames.join(", "),
    url: facts.url,
    isAccessibleForFree: true,
    ...(facts.files.length
      ? { encoding: facts.files.map((f) => ({ "@type": "MediaObject", name: f.name, contentUrl: f.url, encodingFormat: f.mimeType })) }
      : {}),
    ...(facts.links.length ? { sameAs: facts.links.map((l) => l.url) } : {}),
  };
}

/**
 * JSON for inside a <script> element: `<`, `>`, `&` and the line separators
 * are escaped, so no value can close the script or open a comment.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Only http(s) links are shown or published; anything else (javascript:, data:) is dropped. */
export function safeLinks(value: unknown): { label: string; url: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (!item || typeof item !== "object") return [];
    const { label, url } = item as { label?: unknown; url?: unknown };
    if (typeof url !== "string") return [];
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return [];
      return [{ label: typeof label === "string" && label.trim() ? label.trim() : parsed.host, url: parsed.toString() }];
    } catch {
      return [];
    }
  });
}
