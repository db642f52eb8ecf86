import type { Editor } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";

/** Where an anchored comment's text is now (relative positions move with everyone's edits). */
function anchorRange(editor: Editor, anchor: string | null): { from: number; to: number } | null {
  if (!anchor) return null;
  const ystate = ySyncPluginKey.getState(editor.state) as
    | { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Parameters<typeof relativePositionToAbsolutePosition>[3] } | null }
    | undefined;
  if (!ystate?.binding) return null;
  try {
    const parsed = JSON.parse(anchor) as { from: unknown; to: unknown };
    const abs = (rel: unknown) =>
      relativePositionToAbsolutePosition(ystate.doc, ystate.type, Y.createRelativePositionFromJSON(rel), ystate.binding!.mapping);
    const from = abs(parsed.from);
    const to = abs(parsed.to);
    if (from === null || to === null || from >= to || to > editor.state.doc.content.size) return null;
    return { from, to };
  } catch {
    return null;
  }
}

/** The quoted text inside one paragraph (the anchor's fallback, e.g. for a comment made without JavaScript). */
function findQuote(doc: PmNode, quote: string): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (!node.isTextblock) return true;
    const index = node.textContent.indexOf(quote);
    if (index >= 0 && node.childCount > 0 && node.content.content.every((c) => c.isText)) found = { from: pos + 1 + index, to: pos + 1 + index + quote.length };
    return false;
  });
  return found;
}

/**
 * Puts a begeleider's suggestion in place of the text it was made on, as an
 * edit of this (the author's) editor: the change is the author's own and goes
 * through their connection, so the begeleider keeps comment access only.
 * Returns false when the text is no longer there to replace.
 */
export function applySuggestion(editor: Editor, anchor: string | null, quote: string, replacement: string): boolean {
  const range = anchorRange(editor, anchor) ?? (quote.trim() ? findQuote(editor.state.doc, quote) : null);
  if (!range) return false;
  const text = replacement.replace(/\s*\n\s*/g, " ");
  const tr = text ? editor.state.tr.insertText(text, range.from, range.to) : editor.state.tr.delete(range.from, range.to);
  editor.view.dispatch(tr.scrollIntoView());
  editor.commands.focus();
  return true;
}
