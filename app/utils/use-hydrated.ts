import { useEffect, useState } from "react";

/**
 * False on the server and in the first browser render, true once React has
 * hydrated: for markup that only makes sense with the page's script running
 * (a hint shown until then, a form field that asks for a data answer).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
