/** School sectors: primair, voortgezet, middelbaar beroeps- en speciaal onderwijs. */
export const SECTOR_VALUES = ["po", "vo", "mbo", "so"] as const;
export type SectorValue = (typeof SECTOR_VALUES)[number];
