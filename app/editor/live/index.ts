/**
 * Everything the live editor needs (Tiptap, ProseMirror, Yjs, the socket):
 * loaded after the page shows its server-rendered text, as its own chunk
 * (issue 24: the plan page's first load stays under 250 kB gzipped).
 */
export { applySuggestion } from "./apply-suggestion";
export { openPlanConnection, type LivePlan } from "./plan-connection";
export { SectionEditor } from "./section-editor";
export { selectionAnchor, type SelectionAnchor } from "./selection-anchor";
