import type { Block, Inline } from "./plan-document";

/**
 * The cover of an exported plan (Word, PDF, print) and the consent form as
 * blocks, so every export renders the same content. Pure.
 */
export type PlanCover = {
  title: string;
  school: string;
  students: string[];
  begeleiders: string[];
  /** ISO date of the export. */
  date: string;
  /** The latest frozen version, and whether the text is still exactly that version. */
  version: { name: string; current: boolean } | null;
};

type Translate = (key: string, values?: Record<string, unknown>) => string;

export function coverFields(cover: PlanCover, t: Translate, formatDate: (iso: string) => string): { label: string; value: string }[] {
  const list = (names: string[]) => (names.length ? names.join(", ") : t("plan.cover.none"));
  const version = !cover.version
    ? t("plan.cover.workingVersion")
    : cover.version.current
      ? cover.version.name
      : t("plan.cover.changedSince", { name: cover.version.name });
  return [
    { label: t("plan.cover.students"), value: list(cover.students) },
    { label: t("plan.cover.school"), value: cover.school || t("plan.cover.none") },
    { label: t("plan.cover.begeleiders"), value: list(cover.begeleiders) },
    { label: t("plan.cover.date"), value: formatDate(cover.date) },
    { label: t("plan.cover.version"), value: version },
  ];
}

/**
 * The consent form's Markdown (consentFormMarkdown) as a title and blocks for
 * Word and PDF. Reads only what that function writes: `#`/`##` headings,
 * paragraphs, `**bold**`, `_italic_`, backslash escapes, and two trailing
 * spaces as a line break.
 */
export function markdownToBlocks(markdown: string): { title: string; blocks: Block[] } {
  let title = "";
  const blocks: Block[] = [];
  for (const chunk of markdown.split(/\n{2,}/)) {
    const text = chunk.replace(/\s+$/, "");
    if (!text) continue;
    if (text.startsWith("# ")) title = inlineText(text.slice(2));
    else if (text.startsWith("## ")) blocks.push({ type: "heading", level: 2, inlines: parseInlines(text.slice(3)) });
    else {
      const lines = text.split("\n");
      const inlines: Inline[] = [];
      lines.forEach((line, i) => {
        if (i > 0) inlines.push({ text: "\n" });
        inlines.push(...parseInlines(line.replace(/ {2}$/, "")));
      });
      blocks.push({ type: "paragraph", inlines });
    }
  }
  return { title, blocks };
}

function inlineText(markdown: string): string {
  return parseInlines(markdown)
    .map((i) => i.text)
    .join("");
}

function parseInlines(markdown: string): Inline[] {
  const out: Inline[] = [];
  let bold = false;
  let italic = false;
  let text = "";
  const flush = () => {
    if (text) out.push({ text, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
    text = "";
  };
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i]!;
    if (c === "\\" && i + 1 < markdown.length) {
      text += markdown[++i];
    } else if (c === "*" && markdown[i + 1] === "*") {
      flush();
      bold = !bold;
      i++;
    } else if (c === "_" && markdown[i + 1] === "_") {
      // A run of underscores is a line to write on (Naam: ______), not emphasis.
      while (markdown[i] === "_") text += markdown[i++];
      i--;
    } else if (c === "_") {
      flush();
      italic = !italic;
    } else text += c;
  }
  flush();
  return out;
}
