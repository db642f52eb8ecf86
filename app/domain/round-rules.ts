/** A student ranks at most this many questions in a matching round (issue 5). */
export const MAX_RANKS = 5;
