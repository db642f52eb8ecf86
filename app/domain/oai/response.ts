import type { OaiError } from "./protocol";
import { element, wrap } from "./xml";

export const OAI_NAMESPACE = "http://www.openarchives.org/OAI/2.0/";
const OAI_SCHEMA_LOCATION = `${OAI_NAMESPACE} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd`;

/**
 * The OAI-PMH envelope: responseDate, the request echoed (its arguments only
 * when the request was well-formed) and the verb's body or the errors.
 */
export function envelope(input: { responseDate: string; baseUrl: string; echo: Record<string, string> | null; body: string }): string {
  const request = element("request", input.baseUrl, input.echo ?? {});
  return `<?xml version="1.0" encoding="UTF-8"?>\n${wrap(
    "OAI-PMH",
    `${element("responseDate", input.responseDate)}${request}${input.body}`,
    {
      xmlns: OAI_NAMESPACE,
      "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "xsi:schemaLocation": OAI_SCHEMA_LOCATION,
    },
  )}\n`;
}

export function errorsXml(errors: OaiError[]): string {
  return errors.map((e) => element("error", e.message, { code: e.code })).join("");
}

export type RecordHeader = { identifier: string; datestamp: string; setSpecs: string[]; deleted: boolean };

export function headerXml(header: RecordHeader): string {
  return wrap(
    "header",
    `${element("identifier", header.identifier)}${element("datestamp", header.datestamp)}${header.setSpecs.map((s) => element("setSpec", s)).join("")}`,
    { status: header.deleted ? "deleted" : undefined },
  );
}

/** A record: its header, and metadata unless it is deleted. */
export function recordXml(header: RecordHeader, metadata: string | null): string {
  return wrap("record", `${headerXml(header)}${header.deleted || !metadata ? "" : wrap("metadata", metadata)}`);
}

/** The resumptionToken element; an empty one ends a list that needed paging. */
export function resumptionTokenXml(token: string | null, attributes: { expirationDate?: string; completeListSize?: number; cursor: number }): string {
  return element("resumptionToken", token ?? "", {
    expirationDate: token ? attributes.expirationDate : undefined,
    completeListSize: attributes.completeListSize === undefined ? undefined : String(attributes.completeListSize),
    cursor: String(attributes.cursor),
  });
}
