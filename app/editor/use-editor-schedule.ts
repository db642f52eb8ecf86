import { useCallback, useEffect, useRef, useState } from "react";
import { editorMountOrder } from "../domain/plan-workspace";

/** How far outside the window a section still counts as "in view" (px). */
const NEAR_VIEW_PX = 300;

type IdleWindow = Window & {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * Which sections have their live editor yet. Creating a Tiptap editor costs
 * 20–40 ms of main thread each; thirteen at once kept the page unresponsive
 * for half a second and made the first section wait for the last (record
 * 0031). So the section jumped to (else the first in view) gets its editor at
 * once, the others in view next, then the rest in document order, one per
 * idle moment (all within about a second). A section someone clicks or
 * scrolls to gets its editor before the queue reaches it. Until then a section
 * shows its text as the server rendered it.
 */
export function useEditorSchedule(ready: boolean, sectionIds: readonly string[]) {
  const [mounted, setMounted] = useState<ReadonlySet<string>>(() => new Set());
  const queue = useRef<string[]>([]);
  const done = useRef(new Set<string>());

  const mountNow = useCallback((id: string) => {
    if (done.current.has(id)) return;
    done.current.add(id);
    setMounted(new Set(done.current));
  }, []);

  useEffect(() => {
    if (!ready) return;
    const inView = sectionIds.filter((id) => {
      const rect = document.getElementById(id)?.getBoundingClientRect();
      return rect ? rect.bottom > 0 && rect.top < window.innerHeight : false;
    });
    const hashed = window.location.hash.slice(1) || null; // section ids are plain ASCII
    const [first, ...rest] = editorMountOrder(sectionIds, inView, hashed);
    if (first !== undefined) done.current.add(first);
    setMounted(new Set(done.current));
    queue.current = rest.filter((id) => !done.current.has(id));

    const w = window as IdleWindow;
    let handle: number | undefined;
    const schedule = () => {
      handle = w.requestIdleCallback ? w.requestIdleCallback(next, { timeout: 500 }) : window.setTimeout(next, 30);
    };
    const next = () => {
      let id = queue.current.shift();
      while (id !== undefined && done.current.has(id)) id = queue.current.shift();
      if (id === undefined) return;
      mountNow(id);
      schedule();
    };
    schedule();

    // Scrolling or jumping (table of contents) to a section mounts it before its
    // turn. The observer's first report is only the current state: the queue
    // has the sections in view first already.
    let firstReport = true;
    const observer = new IntersectionObserver(
      (entries) => {
        if (firstReport) {
          firstReport = false;
          return;
        }
        for (const entry of entries) if (entry.isIntersecting) mountNow(entry.target.id);
      },
      { rootMargin: `${NEAR_VIEW_PX}px 0px` },
    );
    for (const id of queue.current) {
      const element = document.getElementById(id);
      if (element) observer.observe(element);
    }
    return () => {
      observer.disconnect();
      if (handle !== undefined) (w.cancelIdleCallback ?? window.clearTimeout)(handle);
    };
  }, [ready, sectionIds, mountNow]);

  return { mounted, mountNow };
}
