import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { replayCaretLabelsOnMove } from "./caret-labels";
import { ReadOnlyGuard } from "./read-only-guard";
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
  /** Put the caret in it once created (the person clicked the section's text before its editor was there). */
  caretOnMount?: boolean;
};

/**
 * One Tiptap editor per template section, each bound to its own
 * `section:<id>` XmlFragment of the shared doc; carets come from the shared
 * awareness, so every editor shows the co-authors working in it.
 */
export function SectionEditor({ sectionId, heading, doc, provider, user, editable, onEditor, anchors, caretOnMount }: Props) {
  const { t } = useTranslation();
  const anchorsRef = useRef<CommentAnchor[]>(anchors ?? []);
  const editor = useEditor(
    {
      immediatelyRender: true,
      autofocus: caretOnMount ? "end" : false,
      // Readers too get a view the keyboard can select in; ReadOnlyGuard refuses their changes.
      editable: true,
      extensions: [
        // Yjs keeps the history; headings below the section's own h2.
        StarterKit.configure({ undoRedo: false, heading: { levels: [3, 4] }, link: false }),
        Collaboration.configure({ document: doc, field: `section:${sectionId}` }),
        CollaborationCaret.configure({ provider, user }),
        CommentHighlights.configure({ getAnchors: () => anchorsRef.current }),
        ...(editable ? [] : [ReadOnlyGuard]),
      ],
      editorProps: {
        attributes: {
          class: "plan-editor__content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": t("plan.editor.sectionLabel", { heading }),
          "aria-readonly": editable ? "false" : "true",
          // No on-screen keyboard for a reader who taps to select.
          ...(editable ? {} : { inputmode: "none" }),
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
    if (!editor) return;
    return replayCaretLabelsOnMove(provider.awareness, () => (editor.isDestroyed ? null : editor.view.dom));
  }, [editor, provider]);
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
  // One tab stop per toolbar, arrow keys within it (WAI-ARIA toolbar pattern):
  // thirteen sections would otherwise add 52 tab stops to the page.
  const [active, setActive] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = buttons.length - 1;
    const next =
      event.key === "ArrowRight" ? (active === last ? 0 : active + 1)
      : event.key === "ArrowLeft" ? (active === 0 ? last : active - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="plan-toolbar" role="toolbar" aria-label={`${t("plan.editor.toolbar")}: ${heading}`} onKeyDown={onKeyDown}>
      {buttons.map((b, i) => (
        <button
          key={b.key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          className="plan-toolbar__button"
          tabIndex={i === active ? 0 : -1}
          aria-pressed={state[b.key]}
          aria-label={b.label}
          title={b.label}
          onFocus={() => setActive(i)}
          onClick={b.run}
        >
          <span aria-hidden="true">{b.text}</span>
        </button>
      ))}
    </div>
  );
}
