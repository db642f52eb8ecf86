import type { Editor } from "@tiptap/core";
import { absolutePositionToRelativePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";

export type SelectionAnchor = { quote: string; anchor: string };

/**
 * The editor's current selection as Yjs relative positions (JSON), so a
 * comment stays attached to its text while others keep typing. Null when
 * nothing is selected.
 */
export function selectionAnchor(editor: Editor | undefined): SelectionAnchor | null {
  if (!editor) return null;
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const ystate = ySyncPluginKey.getState(editor.state) as
    | { type: Y.XmlFragment; binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } | null }
    | undefined;
  if (!ystate?.binding) return null;
  const rel = (pos: number) =>
    Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, ystate.type, ystate.binding!.mapping) as Y.RelativePosition);
  return {
    quote: editor.state.doc.textBetween(from, to, " ").slice(0, 1000),
    anchor: JSON.stringify({ from: rel(from), to: rel(to) }),
  };
}
