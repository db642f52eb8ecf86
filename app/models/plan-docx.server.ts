import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from "docx";
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

export async function planToDocx(title: string, sections: PlanSectionContent[]): Promise<Buffer> {
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (n: number) => string) =>
    [0, 1, 2].map((level) => ({
      level,
      format,
      text: text(level),
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    }));
  const doc = new Document({
    creator: "Samen Onderzoeken",
    title,
    numbering: {
      config: [
        { reference: "bullets", levels: levels(LevelFormat.BULLET, () => "•") },
        { reference: "ordered", levels: levels(LevelFormat.DECIMAL, (l) => `%${l + 1}.`) },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
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
