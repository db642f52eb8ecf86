/**
 * Checks an uploaded file by its content, not its name (an .exe renamed .pdf
 * is refused), and makes a safe display name. Pure; no I/O.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILES = 5;

export type DetectedType = { mime: string; extension: string };

const ZIP_KINDS: { marker: string; mime: string; extension: string }[] = [
  { marker: "word/", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" },
  { marker: "ppt/", mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extension: "pptx" },
];

export function detectFileType(bytes: Uint8Array): DetectedType | null {
  const text = new TextDecoder("latin1").decode(bytes);
  return detectFileTypeFrom(bytes.subarray(0, 8), (marker) => text.includes(marker));
}

/** The entry-name markers that tell one zip-based Office format from another. */
export const ZIP_MARKERS = ZIP_KINDS.map((k) => k.marker);

/**
 * The same decision for a file seen while it streams: its first 8 bytes and
 * whether a zip marker occurred anywhere in it.
 */
export function detectFileTypeFrom(head: Uint8Array, containsMarker: (marker: string) => boolean): DetectedType | null {
  const bytes = head;
  const startsWith = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (startsWith(0x25, 0x50, 0x44, 0x46, 0x2d)) return { mime: "application/pdf", extension: "pdf" }; // %PDF-
  if (startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { mime: "image/png", extension: "png" };
  if (startsWith(0xff, 0xd8, 0xff)) return { mime: "image/jpeg", extension: "jpg" };
  if (startsWith(0x50, 0x4b, 0x03, 0x04)) {
    // Office files are zip archives; the entry names tell Word from PowerPoint.
    const kind = ZIP_KINDS.find((k) => containsMarker(k.marker));
    return kind ? { mime: kind.mime, extension: kind.extension } : null;
  }
  return null;
}

/** Base name only, no path tricks or control characters, with the detected extension. */
export function safeFileName(original: string, extension: string): string {
  const base = original.split(/[\\/]/).pop() ?? "";
  const stem = base
    .replace(/\.[^.]*$/, "")
    .normalize("NFC")
    .split("")
    .filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127 && !'<>:"|?*'.includes(c))
    .join("")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 100);
  return `${stem || "bestand"}.${extension}`;
}

const COMMON_FIRST_NAMES = new Set(
  "emma julia mila tess sophie zoe sara nora yara eva noor lotte fenna lieke anna saar liv nina evi roos sem noah liam lucas finn levi luuk daan bram jesse milan thijs mees sven ruben jayden ayoub mohamed youssef amira fatima ilse iris merel floor maud anouk lara esra dewi koen tim stijn gijs wouter joost mats".split(" "),
);

/**
 * Obvious personal names of pupils: a common first name followed by a
 * capitalised word ("Noah Jansen"), in text or file names. A nudge, not a
 * guarantee — the publisher confirms on top of it.
 */
export function findLikelyNames(text: string): string[] {
  const found = new Set<string>();
  const pattern = /(?<![A-Za-zÀ-ÿ])([A-Z][a-zà-ÿ]+)[\s_-]+((?:van |de |der |den )?[A-Z][a-zà-ÿ]+)/g;
  for (const match of text.matchAll(pattern)) {
    if (COMMON_FIRST_NAMES.has(match[1]!.toLowerCase())) found.add(`${match[1]} ${match[2]}`);
  }
  return [...found];
}
