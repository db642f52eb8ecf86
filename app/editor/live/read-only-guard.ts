import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

/**
 * Read-only without `contenteditable="false"`. A begeleider comments on
 * selected text; in a non-editable element the keyboard cannot place a caret
 * or select (WCAG 2.1.1), only a mouse can. So readers get an editable view
 * that refuses every change of its own: only changes that arrive from the
 * shared document (y-sync) get through. The server drops a reader's document
 * updates anyway (contract 6.6); this keeps the screen honest.
 */
export const ReadOnlyGuard = Extension.create({
  name: "readOnlyGuard",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        filterTransaction: (tr) => !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined,
      }),
    ];
  },
});
