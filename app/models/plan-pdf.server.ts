import PDFDocument from "pdfkit";
import type { Block, Inline, PlanSectionContent } from "../domain/plan-document";
import type { DocxCover } from "./plan-docx.server";

/**
 * PDFs of the plan and the consent form, drawn with pdfkit (pure JavaScript:
 * no browser on the server; record 0025). The standard PDF fonts cover the
 * Dutch alphabet (WinAnsi); characters outside it are replaced so a stray
 * emoji never breaks a document.
 */
const BRAND = "#0b5c4a";
const TEXT = "#1c2430";
const MUTED = "#4b5563";

type Doc = PDFKit.PDFDocument;

/** WinAnsi has what Dutch needs; anything else becomes "?" instead of garbage glyphs. */
function printable(text: string): string {
  return text.replace(/[^\t\n\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u201e\u2022\u2026\u20ac]/g, "?");
}

function fontFor(inline: Inline): string {
  if (inline.code) return "Courier";
  if (inline.bold && inline.italic) return "Helvetica-BoldOblique";
  if (inline.bold) return "Helvetica-Bold";
  if (inline.italic) return "Helvetica-Oblique";
  return "Helvetica";
}

/**
 * A hard line break (Markdown's two trailing spaces) arrives as an inline of
 * "\n"; pdfkit's `continued` text would swallow it, so each line is written as
 * its own run of inlines.
 */
function linesOf(inlines: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const inline of inlines) {
    if (inline.text === "\n") lines.push([]);
    else lines.at(-1)!.push(inline);
  }
  return lines.map((line) => (line.length ? line : [{ text: "" }]));
}

function writeInlines(doc: Doc, inlines: Inline[], options: { indent?: number; size?: number } = {}): void {
  doc.fontSize(options.size ?? 11).fillColor(TEXT);
  linesOf(inlines).forEach((parts, lineNumber) => {
    parts.forEach((inline, i) => {
      const last = i === parts.length - 1;
      doc.font(fontFor(inline)).text(printable(inline.text), {
        continued: !last,
        strike: inline.strike,
        indent: i === 0 && lineNumber === 0 ? options.indent : undefined,
        lineGap: 2,
      });
    });
  });
  doc.moveDown(0.5);
}

function writeBlocks(doc: Doc, blocks: Block[], depth = 0): void {
  const left = doc.page.margins.left + depth * 18;
  for (const block of blocks) {
    doc.x = left;
    switch (block.type) {
      case "paragraph":
        writeInlines(doc, block.inlines);
        break;
      case "heading":
        doc.moveDown(0.3);
        writeInlines(
          doc,
          block.inlines.map((i) => ({ ...i, bold: true })),
          { size: block.level <= 2 ? 14 : 12 },
        );
        break;
      case "list":
        block.items.forEach((item, n) => {
          const mark = { text: block.ordered ? `${n + 1}.  ` : "•  " };
          const [first, ...rest] = item;
          if (first?.type === "paragraph") {
            writeInlinesAt(doc, [mark, ...first.inlines], left + 12);
            writeBlocks(doc, rest, depth + 1);
          } else {
            writeInlinesAt(doc, [mark], left + 12);
            writeBlocks(doc, item, depth + 1);
          }
        });
        break;
      case "quote":
        doc.fillColor(MUTED);
        writeBlocks(doc, block.blocks, depth + 1);
        break;
      case "code":
        doc.font("Courier").fontSize(10).fillColor(TEXT).text(printable(block.text), left, doc.y, { lineGap: 1 });
        doc.moveDown(0.5);
        break;
      case "rule":
        doc
          .moveTo(left, doc.y + 4)
          .lineTo(doc.page.width - doc.page.margins.right, doc.y + 4)
          .strokeColor("#c9d1d9")
          .stroke();
        doc.moveDown(1);
        break;
    }
  }
  doc.x = doc.page.margins.left;
}

function writeInlinesAt(doc: Doc, inlines: Inline[], x: number): void {
  const width = doc.page.width - doc.page.margins.right - x;
  const parts = inlines.length ? inlines : [{ text: "" }];
  doc.fontSize(11).fillColor(TEXT);
  parts.forEach((inline, i) => {
    doc.font(fontFor(inline));
    const text = printable(inline.text);
    if (i === 0) doc.text(text, x, doc.y, { continued: i < parts.length - 1, width, lineGap: 2, strike: inline.strike });
    else doc.text(text, { continued: i < parts.length - 1, lineGap: 2, strike: inline.strike });
  });
  doc.moveDown(0.4);
}

function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

function newDoc(title: string): Doc {
  return new PDFDocument({ size: "A4", margins: { top: 64, bottom: 64, left: 64, right: 64 }, info: { Title: printable(title), Creator: "Samen Onderzoeken" }, bufferPages: true });
}

function writeCover(doc: Doc, title: string, cover: DocxCover): void {
  doc.rect(0, 0, doc.page.width, 12).fill(BRAND);
  doc.y = 200;
  doc.font("Helvetica").fontSize(14).fillColor(BRAND).text(printable(cover.kind));
  doc.moveDown(0.5);
  doc.font("Helvetica-Bold").fontSize(26).fillColor(TEXT).text(printable(title), { lineGap: 4 });
  doc.moveDown(2);
  for (const f of cover.fields) {
    doc.font("Helvetica-Bold").fontSize(11).fillColor(MUTED).text(printable(f.label));
    doc.font("Helvetica").fontSize(13).fillColor(TEXT).text(printable(f.value));
    doc.moveDown(0.7);
  }
}

function numberPages(doc: Doc, title: string, skipFirst: boolean): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    if (skipFirst && i === range.start) continue;
    doc.switchToPage(i);
    const bottom = doc.page.height - 40;
    // Writing below the bottom margin would add a page: lift it for the footer.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(9).fillColor(MUTED).text(`${printable(title)} — ${i + 1 - range.start}/${range.count}`, doc.page.margins.left, bottom, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
}

export async function planToPdf(title: string, sections: PlanSectionContent[], cover: DocxCover): Promise<Buffer> {
  const doc = newDoc(title);
  writeCover(doc, title, cover);
  doc.addPage();
  for (const s of sections) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.font("Helvetica-Bold").fontSize(16).fillColor(BRAND).text(printable(s.heading), doc.page.margins.left, doc.y);
    doc.moveDown(0.4);
    if (s.blocks.length) writeBlocks(doc, s.blocks);
    else doc.font("Helvetica-Oblique").fontSize(11).fillColor(MUTED).text("Nog niets geschreven.").moveDown(0.5);
    doc.moveDown(0.6);
  }
  numberPages(doc, title, true);
  return toBuffer(doc);
}

export async function blocksToPdf(title: string, blocks: Block[]): Promise<Buffer> {
  const doc = newDoc(title);
  doc.font("Helvetica-Bold").fontSize(20).fillColor(TEXT).text(printable(title));
  doc.moveDown(1);
  writeBlocks(doc, blocks);
  numberPages(doc, title, false);
  return toBuffer(doc);
}
