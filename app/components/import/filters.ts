/** The row filters of the import preview (query `?toon=`), shared by the loader and the view. */
export const FILTERS = ["alle", "fout", "nieuw", "bijgewerkt", "ongewijzigd"] as const;
export type Filter = (typeof FILTERS)[number];
