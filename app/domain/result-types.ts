/** Kinds of results (opbrengsten) and who may see them. */
export const RESULT_TYPES = ["onderzoeksrapport", "samenvatting", "poster", "presentatie", "lesmateriaal", "advies"] as const;
export const RESULT_VISIBILITIES = ["school", "partnership", "region", "public"] as const;
export const ACTION_STATUSES = ["gepland", "bezig", "gedaan", "losgelaten"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
