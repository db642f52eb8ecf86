import { element, wrap } from "./xml";

/** What a public result says about itself in unqualified Dublin Core (oai_dc). */
export type DublinCoreRecord = {
  title: string;
  /** People, or the school when no people are named. */
  creators: string[];
  /** YYYY-MM-DD */
  date: string;
  description: string;
  /** Theme names. */
  subjects: string[];
  /** The Dutch label of the result type ("Onderzoeksrapport"). */
  typeLabel: string;
  /** The school that published it. */
  publisher: string;
  /** The result's public URL. */
  identifier: string;
  /** Public links entered with the result (dc:relation). */
  relations: string[];
};

export const OAI_DC_NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/";
export const OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
export const DC_NAMESPACE = "http://purl.org/dc/elements/1.1/";

/** The `<oai_dc:dc>` element, in the order of the DC element set; empty values are left out. */
export function dublinCoreXml(record: DublinCoreRecord): string {
  const dc = (name: string, value: string) => (value.trim() ? element(`dc:${name}`, value.trim()) : "");
  const parts = [
    dc("title", record.title),
    ...record.creators.map((c) => dc("creator", c)),
    ...record.subjects.map((s) => dc("subject", s)),
    dc("description", record.description),
    dc("publisher", record.publisher),
    dc("date", record.date),
    // The DCMI type vocabulary first, then our own kind of result.
    dc("type", "Text"),
    dc("type", record.typeLabel),
    dc("identifier", record.identifier),
    dc("language", "nl"),
    ...record.relations.map((r) => dc("relation", r)),
  ];
  return wrap("oai_dc:dc", parts.join(""), {
    "xmlns:oai_dc": OAI_DC_NAMESPACE,
    "xmlns:dc": DC_NAMESPACE,
    "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "xsi:schemaLocation": `${OAI_DC_NAMESPACE} ${OAI_DC_SCHEMA}`,
  });
}
