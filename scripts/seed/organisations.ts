import type { InstituteKind, Sector } from "../../db/schema";

/**
 * The fictional demo region (contract 6.2). Names are invented but plausible;
 * any likeness to a real school is accidental.
 */
export const REGION_NAME = "Onderwijsregio Lingedelta";

export type SchoolSeed = {
  key: string;
  name: string;
  sector: Sector;
  board: string;
  city: string;
  partnership: "A" | "B";
};

export const PARTNERSHIPS = {
  A: "Partnerschap Samen Opleiden Lingedelta",
  B: "Opleidingsschool Waalrand",
} as const;

export const SCHOOLS: SchoolSeed[] = [
  // Partnership A. A1 and A2 carry the named demo accounts.
  { key: "A1", name: "Basisschool De Regenboog", sector: "po", board: "Stichting Kindwijs", city: "Lingestad", partnership: "A" },
  { key: "A2", name: "Het Rivierencollege", sector: "vo", board: "Stichting VO Lingedelta", city: "Lingestad", partnership: "A" },
  { key: "A3", name: "OBS De Vlinderhof", sector: "po", board: "Stichting Kindwijs", city: "Oeverbeek", partnership: "A" },
  { key: "A4", name: "Kindcentrum Het Anker", sector: "po", board: "Stichting Kindwijs", city: "Dijkzicht", partnership: "A" },
  { key: "A5", name: "Lingecollege Mavo-Havo", sector: "vo", board: "Stichting VO Lingedelta", city: "Oeverbeek", partnership: "A" },
  { key: "A6", name: "SBO De Wilgen", sector: "so", board: "Stichting Passend Lingedelta", city: "Lingestad", partnership: "A" },
  { key: "A7", name: "Techniek College Lingedelta", sector: "mbo", board: "ROC Lingedelta", city: "Lingestad", partnership: "A" },
  { key: "A8", name: "Basisschool De Kameleon", sector: "po", board: "Vereniging Katholiek Onderwijs Linge", city: "Polderveen", partnership: "A" },
  // Partnership B.
  { key: "B1", name: "Waalhaven Lyceum", sector: "vo", board: "Stichting Voortgezet Onderwijs Waalrand", city: "Waalhaven", partnership: "B" },
  { key: "B2", name: "Basisschool De Zevensprong", sector: "po", board: "Stichting Primair Waalrand", city: "Waalhaven", partnership: "B" },
  { key: "B3", name: "IKC De Boomgaard", sector: "po", board: "Stichting Primair Waalrand", city: "Uiterwaard", partnership: "B" },
  { key: "B4", name: "Uiterwaard College", sector: "vo", board: "Stichting Voortgezet Onderwijs Waalrand", city: "Uiterwaard", partnership: "B" },
  { key: "B5", name: "ROC Waalrand Zorg en Welzijn", sector: "mbo", board: "ROC Waalrand", city: "Waalhaven", partnership: "B" },
  { key: "B6", name: "Het Baken", sector: "so", board: "Stichting Speciaal Onderwijs Rivierenland", city: "Dijkzicht", partnership: "B" },
];

export type InstituteSeed = { key: string; name: string; kind: InstituteKind; city: string; partnerships: ("A" | "B")[] };

export const INSTITUTES: InstituteSeed[] = [
  { key: "PABO", name: "Hogeschool Rivierland – Pabo", kind: "pabo", city: "Lingestad", partnerships: ["A", "B"] },
  {
    key: "ILVO",
    name: "Hogeschool Rivierland – Instituut Leraar Voortgezet Onderwijs",
    kind: "hbo-lerarenopleiding",
    city: "Lingestad",
    partnerships: ["A", "B"],
  },
];
