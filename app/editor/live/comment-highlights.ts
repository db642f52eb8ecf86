import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";

export type CommentAnchor = { id: string; anchor: string };

const key = new PluginKey("commentHighlights");

/**
 * Marks the text open comments are anchored to. Anchors are Yjs relative
 * positions, so the marks move with everyone's edits; the highlight is a
 * decoration only and never touches the shared document.
 */
export const CommentHighlights = Extension.create<{ getAnchors: () => CommentAnchor[] }>({
  name: "commentHighlights",
  addOptions() {
    return { getAnchors: () => [] };
  },
  addProseMirrorPlugins() {
    const getAnchors = this.options.getAnchors;
    return [
      new Plugin({
        key,
        props: {
          decorations(state) {
            const ystate = ySyncPluginKey.getState(state) as
              | { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Parameters<typeof relativePositionToAbsolutePosition>[3] } | null }
              | undefined;
            if (!ystate?.binding) return null;
            const decorations: Decoration[] = [];
            for (const { id, anchor } of getAnchors()) {
              try {
                const parsed = JSON.parse(anchor) as { from: unknown; to: unknown };
                const abs = (rel: unknown) =>
                  relativePositionToAbsolutePosition(ystate.doc, ystate.type, Y.createRelativePositionFromJSON(rel), ystate.binding!.mapping);
                const from = abs(parsed.from);
                const to = abs(parsed.to);
                if (from === null || to === null || from >= to || to > state.doc.content.size) continue;
                decorations.push(Decoration.inline(from, to, { class: "plan-comment-mark", "data-comment": id }));
              } catch {
                // An anchor from another section or a damaged one: no mark.
              }
            }
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
