/**
 * The little XML the OAI-PMH responses and the sitemap need: escaping and
 * element building. Characters that XML 1.0 forbids (most control
 * characters, lone surrogates, U+FFFE/U+FFFF) are dropped, so text typed by
 * users can never make a response invalid.
 */

// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** `<name attr="…">escaped text</name>`; attributes with undefined values are left out. */
export function element(name: string, text: string | null, attributes: Record<string, string | undefined> = {}): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
    .join("");
  return text === null || text === "" ? `<${name}${attrs}/>` : `<${name}${attrs}>${xmlEscape(text)}</${name}>`;
}

/** `<name attr="…">children</name>` for already-built XML. */
export function wrap(name: string, children: string, attributes: Record<string, string | undefined> = {}): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
    .join("");
  return `<${name}${attrs}>${children}</${name}>`;
}
