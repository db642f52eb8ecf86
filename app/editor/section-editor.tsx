import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { CommentHighlights, type CommentAnchor } from "./comment-highlights";

type Props = {
  sectionId: string;
  heading: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: { name: string; color: string };
  editable: boolean;
  /** Lets the page read this editor's selection (to anchor comments). */
  onEditor?: (sectionId: string, editor: Editor | null) => void;
  /** Open comments on this section, highlighted in the text. */
  anchors?: CommentAnchor[];
};

/**
 * One Tiptap editor per template section, each bound to its own
 * `section:<id>` XmlFragment of the shared doc; carets come from the shared
 * awareness, so every editor shows the co-authors working in it.
 */
export function SectionEditor({ sectionId, heading, doc, provider, user, editable, onEditor, anchors }: Props) {
  const { t } = useTranslation();
  const anchorsRef = useRef<CommentAnchor[]>(anchors ?? []);
  const editor = useEditor(
    {
      immediatelyRender: true,
      editable,
      extensions: [
        // Yjs keeps the history; headings below the section's own h2.
        StarterKit.configure({ undoRedo: false, heading: { levels: [3, 4] }, link: false }),
        Collaboration.configure({ document: doc, field: `section:${sectionId}` }),
        CollaborationCaret.configure({ provider, user }),
        CommentHighlights.configure({ getAnchors: () => anchorsRef.current }),
      ],
      editorProps: {
        attributes: {
          class: "plan-editor__content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": t("plan.editor.sectionLabel", { heading }),
          "aria-readonly": editable ? "false" : "true",
          "data-section": sectionId,
        },
      },
    },
    [sectionId, doc, provider, editable],
  );
  useEffect(() => {
    anchorsRef.current = anchors ?? [];
    // Redraw the highlights; the meta-only transaction changes nothing shared.
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta("commentHighlights", true));
  }, [anchors, editor]);
  useEffect(() => {
    onEditor?.(sectionId, editor);
    return () => onEditor?.(sectionId, null);
  }, [editor, sectionId, onEditor]);
  return (
    <div className="plan-editor">
      {editable && editor ? <Toolbar editor={editor} heading={heading} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor, heading }: { editor: Editor; heading: string }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
    }),
  });
  const buttons = [
    { key: "bold", label: t("plan.editor.bold"), run: () => editor.chain().focus().toggleBold().run(), text: "B" },
    { key: "italic", label: t("plan.editor.italic"), run: () => editor.chain().focus().toggleItalic().run(), text: "I" },
    { key: "bulletList", label: t("plan.editor.bulletList"), run: () => editor.chain().focus().toggleBulletList().run(), text: "•" },
    { key: "orderedList", label: t("plan.editor.orderedList"), run: () => editor.chain().focus().toggleOrderedList().run(), text: "1." },
  ] as const;
  return (
    <div className="plan-toolbar" role="toolbar" aria-label={`${t("plan.editor.toolbar")}: ${heading}`}>
      {buttons.map((b) => (
        <button
          key={b.key}
          type="button"
          className="plan-toolbar__button"
          aria-pressed={state[b.key]}
          aria-label={b.label}
          title={b.label}
          onClick={b.run}
        >
          <span aria-hidden="true">{b.text}</span>
        </button>
      ))}
    </div>
  );
}
