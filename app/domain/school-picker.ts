/**
 * The school filter on /vragen. A partnership's handful of schools fits a
 * select; a region of hundreds does not (500 options were most of the page's
 * render time and weight), so there the user types part of the name. Pure.
 */
export const SCHOOL_SELECT_MAX = 60;
export const MAX_SUGGESTIONS = 10;

export type SchoolOption = { id: string; name: string };
export type SchoolPick = {
  /** The school to filter on, if one is chosen (by id, or a name that fits exactly one). */
  selected: SchoolOption | null;
  /** Several schools fit the typed name: offer them (at most MAX_SUGGESTIONS). */
  suggestions: SchoolOption[];
  /** More schools fit than are suggested. */
  moreSuggestions: boolean;
  /** A name was typed that fits no school. */
  notFound: boolean;
};

/** Lower case without accents or extra spaces: "Eén  School" → "een school". */
export function normaliseName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

export function pickSchool(schools: readonly SchoolOption[], input: { schoolId?: string | null; query?: string | null }): SchoolPick {
  const none: SchoolPick = { selected: null, suggestions: [], moreSuggestions: false, notFound: false };
  if (input.schoolId) {
    const byId = schools.find((s) => s.id === input.schoolId);
    if (byId) return { ...none, selected: byId };
  }
  const query = normaliseName(input.query ?? "");
  if (!query) return none;
  const exact = schools.filter((s) => normaliseName(s.name) === query);
  if (exact.length === 1) return { ...none, selected: exact[0]! };
  const fits = schools.filter((s) => normaliseName(s.name).includes(query));
  if (fits.length === 0) return { ...none, notFound: true };
  if (fits.length === 1) return { ...none, selected: fits[0]! };
  return { ...none, suggestions: fits.slice(0, MAX_SUGGESTIONS), moreSuggestions: fits.length > MAX_SUGGESTIONS };
}
