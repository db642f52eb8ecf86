import type { Awareness } from "y-protocols/awareness";

/**
 * A co-author's caret label shows their name, then folds into a small flag
 * after 3 s (app.css) so it does not hide the line above. ProseMirror keeps
 * the same caret element while that co-author moves, so the fold would run
 * only once: someone who starts typing again after a pause would show a bare
 * flag. This replays the fold for everyone whose caret just moved, so a name
 * is readable while its owner is active and folds 3 s after they stop.
 *
 * Returns the function that stops listening.
 */
export function replayCaretLabelsOnMove(awareness: Awareness, root: () => HTMLElement | null): () => void {
  let frame = 0;
  const moved = new Set<string>();
  const onChange = ({ added, updated }: { added: number[]; updated: number[] }) => {
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue;
      const name = (awareness.getStates().get(clientId) as { user?: { name?: unknown } } | undefined)?.user?.name;
      if (typeof name === "string") moved.add(name);
    }
    // After ProseMirror has redrawn the carets for this change.
    if (moved.size > 0 && frame === 0) frame = requestAnimationFrame(replay);
  };
  const replay = () => {
    frame = 0;
    const labels = root()?.querySelectorAll<HTMLElement>(".collaboration-carets__label") ?? [];
    for (const label of labels) {
      if (!moved.has(label.textContent ?? "")) continue;
      // A fresh caret element starts its own animation; a reused one restarts here.
      for (const animation of label.getAnimations()) {
        animation.cancel();
        animation.play();
      }
    }
    moved.clear();
  };
  awareness.on("change", onChange);
  return () => {
    awareness.off("change", onChange);
    if (frame !== 0) cancelAnimationFrame(frame);
  };
}
