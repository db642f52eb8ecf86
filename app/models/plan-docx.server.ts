import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import type { Block, Inline, PlanSectionContent } from "../domain/plan-document";

/** The plan as a Word document (docx), from the same blocks as export.md. */
function runs(inlines: Inline[]): TextRun[] {
  return inlines.map((i) =>
    i.text === "\n" ? new TextRun({ break: 1 }) : new TextRun({ text: i.text, bold: i.bold, italics: i.italic, strike: i.strike }),
  );
}

function paragraphs(blocks: Block[], level = 0): Paragraph[] {
  return blocks.flatMap((block): Paragraph[] => {
    switch (block.type) {
      case "paragraph":
        return [new Paragraph({ children: runs(block.inlines) })];
      case "heading":
        return [new Paragraph({ heading: block.level <= 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4, children: runs(block.inlines) })];
      case "list":
        return block.items.flatMap((item) =>
          item.flatMap((b, i) =>
            b.type === "paragraph" && i === 0
              ? [
                  new Paragraph({
                    children: runs(b.inlines),
                    numbering: { reference: block.ordered ? "ordered" : "bullets", level: Math.min(level, 2) },
                  }),
                ]
              : paragraphs([b], level + 1),
          ),
        );
      case "quote":
        return paragraphs(block.blocks, level).map((p) => p);
      case "code":
        return [new Paragraph({ children: [new TextRun({ text: block.text, font: "Courier New" })] })];
      case "rule":
        return [new Paragraph({ text: "" })];
    }
  });
}

/** A cover page: the kind of document, the title, and label/value lines (plan-cover.ts). */
export type DocxCover = { kind: string; fields: { label: string; value: string }[] };

function coverParagraphs(title: string, cover: DocxCover): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 2400 }, alignment: AlignmentType.LEFT, children: [new TextRun({ text: cover.kind, size: 28, color: "0B5C4A" })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 600 }, children: [new TextRun(title)] }),
    ...cover.fields.map(
      (f) =>
        new Paragraph({
          spacing: { after: 160 },
          children: [new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(f.value)],
        }),
    ),
  ];
}

function numberingConfig() {
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (n: number) => string) =>
    [0, 1, 2].map((level) => ({
      level,
      format,
      text: text(level),
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    }));
  return {
    config: [
      { reference: "bullets", levels: levels(LevelFormat.BULLET, () => "•") },
      { reference: "ordered", levels: levels(LevelFormat.DECIMAL, (l) => `%${l + 1}.`) },
    ],
  };
}

/** A short document (the consent form): a title and its blocks. */
export async function blocksToDocx(title: string, blocks: Block[]): Promise<Buffer> {
  const doc = new Document({
    creator: "Samen Onderzoeken",
    title,
    numbering: numberingConfig(),
    sections: [{ children: [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }), ...paragraphs(blocks)] }],
  });
  return Packer.toBuffer(doc);
}

export async function planToDocx(title: string, sections: PlanSectionContent[], cover?: DocxCover): Promise<Buffer> {
  const doc = new Document({
    creator: "Samen Onderzoeken",
    title,
    numbering: numberingConfig(),
    sections: [
      // The cover is its own Word section: the plan starts on a new page.
      ...(cover ? [{ children: coverParagraphs(title, cover) }] : []),
      {
        children: [
          ...(cover ? [] : [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] })]),
          ...sections.flatMap((s) => [
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(s.heading)] }),
            ...paragraphs(s.blocks),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
