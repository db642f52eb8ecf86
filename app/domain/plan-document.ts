import * as Y from "yjs";
import { PLAN_SECTIONS, sectionFragmentName, type PlanSectionId } from "./plan-template";

/**
 * Reads a plan's Y.Doc (Tiptap/ProseMirror structure in one XmlFragment per
 * section) into plain blocks, and renders them as Markdown. Pure: no I/O.
 */

export type Inline = { text: string; bold?: boolean; italic?: boolean; code?: boolean; strike?: boolean };
export type Block =
  | { type: "paragraph"; inlines: Inline[] }
  | { type: "heading"; level: number; inlines: Inline[] }
  | { type: "list"; ordered: boolean; items: Block[][] }
  | { type: "quote"; blocks: Block[] }
  | { type: "code"; text: string }
  | { type: "rule" };

export type PlanSectionContent = { id: PlanSectionId; heading: string; blocks: Block[] };

function inlinesOf(element: Y.XmlElement | Y.XmlFragment): Inline[] {
  const out: Inline[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== "string") continue;
        const a = op.attributes ?? {};
        out.push({ text: op.insert, bold: "bold" in a, italic: "italic" in a, code: "code" in a, strike: "strike" in a });
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === "hardBreak") {
      out.push({ text: "\n" });
    }
  }
  return out;
}

function blocksOf(parent: Y.XmlElement | Y.XmlFragment): Block[] {
  const blocks: Block[] = [];
  for (const node of parent.toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    switch (node.nodeName) {
      case "paragraph":
        blocks.push({ type: "paragraph", inlines: inlinesOf(node) });
        break;
      case "heading": {
        const level = Number(node.getAttribute("level") ?? 3);
        blocks.push({ type: "heading", level: Number.isFinite(level) ? Math.min(6, Math.max(1, level)) : 3, inlines: inlinesOf(node) });
        break;
      }
      case "bulletList":
      case "orderedList":
        blocks.push({
          type: "list",
          ordered: node.nodeName === "orderedList",
          items: node.toArray().flatMap((item) => (item instanceof Y.XmlElement ? [blocksOf(item)] : [])),
        });
        break;
      case "blockquote":
        blocks.push({ type: "quote", blocks: blocksOf(node) });
        break;
      case "codeBlock":
        blocks.push({ type: "code", text: inlinesOf(node).map((i) => i.text).join("") });
        break;
      case "horizontalRule":
        blocks.push({ type: "rule" });
        break;
      default:
        // Unknown nodes still show their text rather than vanish.
        blocks.push(...blocksOf(node));
    }
  }
  return blocks;
}

/** Every template section, in order, with its blocks (empty when unwritten). */
export function readPlanSections(doc: Y.Doc): PlanSectionContent[] {
  return PLAN_SECTIONS.map((s) => ({
    id: s.id,
    heading: s.heading,
    blocks: blocksOf(doc.getXmlFragment(sectionFragmentName(s.id))),
  }));
}

export function planSectionsFromUpdate(update: Uint8Array): PlanSectionContent[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    return readPlanSections(doc);
  } finally {
    doc.destroy();
  }
}

// Characters that would otherwise turn plain text into Markdown syntax.
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, "\\$1");
}

function inlineMarkdown(inlines: Inline[]): string {
  return inlines
    .map((i) => {
      if (i.text === "\n") return "  \n";
      if (i.code) return `\`${i.text.replace(/`/g, "")}\``;
      let text = escapeMarkdown(i.text);
      // Keep surrounding spaces outside the markers, or Markdown ignores them.
      const [, lead = "", core = "", trail = ""] = /^(\s*)(.*?)(\s*)$/s.exec(text) ?? [];
      if (!core) return text;
      text = core;
      if (i.strike) text = `~~${text}~~`;
      if (i.italic) text = `*${text}*`;
      if (i.bold) text = `**${text}**`;
      return `${lead}${text}${trail}`;
    })
    .join("");
}

function blockMarkdown(block: Block, indent = ""): string {
  switch (block.type) {
    case "paragraph":
      return indent + inlineMarkdown(block.inlines);
    case "heading":
      return `${indent}${"#".repeat(Math.max(3, block.level))} ${inlineMarkdown(block.inlines)}`;
    case "list":
      return block.items
        .map((item, n) => {
          const marker = block.ordered ? `${n + 1}. ` : "- ";
          const pad = " ".repeat(marker.length);
          return item
            .map((b, i) => {
              const text = blockMarkdown(b, indent + pad).slice(indent.length + pad.length);
              return i === 0 ? `${indent}${marker}${text}` : `${indent}${pad}${text}`;
            })
            .join("\n");
        })
        .join("\n");
    case "quote":
      return block.blocks.map((b) => blockMarkdown(b, indent).replace(/^/gm, "> ")).join("\n>\n");
    case "code":
      return `${indent}\`\`\`\n${block.text}\n\`\`\``;
    case "rule":
      return `${indent}---`;
  }
}

export function blocksToMarkdown(blocks: Block[]): string {
  return blocks.map((b) => blockMarkdown(b)).join("\n\n");
}

/** `# title`, then `## heading` and the text of every section (contract 6.5/6.6). */
export function planToMarkdown(title: string, sections: PlanSectionContent[]): string {
  const parts = [`# ${title.replace(/\n/g, " ")}`];
  for (const section of sections) {
    parts.push(`## ${section.heading}`);
    const body = blocksToMarkdown(section.blocks).trim();
    if (body) parts.push(body);
  }
  return `${parts.join("\n\n")}\n`;
}

/** Plain text of blocks, one line per paragraph or list item (for diffs and search). */
export function blocksToPlainText(blocks: Block[]): string {
  const lines: string[] = [];
  const walk = (bs: Block[], prefix: string) => {
    for (const b of bs) {
      if (b.type === "paragraph" || b.type === "heading") lines.push(prefix + b.inlines.map((i) => i.text).join(""));
      else if (b.type === "list") b.items.forEach((item, n) => walk(item, b.ordered ? `${n + 1}. ` : "• "));
      else if (b.type === "quote") walk(b.blocks, "> ");
      else if (b.type === "code") lines.push(b.text);
    }
  };
  walk(blocks, "");
  return lines.join("\n");
}
