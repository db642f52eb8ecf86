import { z } from "zod";
import { SECTOR_VALUES } from "../domain/sectors";

/**
 * Forms of the organisation tree (issue 19). Messages are locale keys under
 * `organisations.errors`; the model checks what needs the database (unknown
 * region or partnership, duplicate names).
 */
const INSTITUTE_KIND_VALUES = ["pabo", "hbo-lerarenopleiding", "universitaire-lerarenopleiding"] as const;

const name = z
  .string({ required_error: "organisations.errors.nameRequired" })
  .trim()
  .min(2, "organisations.errors.nameRequired")
  .max(200, "organisations.errors.tooLong");
const place = z
  .string({ required_error: "organisations.errors.cityRequired" })
  .trim()
  .min(2, "organisations.errors.cityRequired")
  .max(120, "organisations.errors.tooLong");
const ref = (message: string) => z.string({ required_error: message }).trim().min(1, message).max(100, message);

export const regionSchema = z.object({ name });

export const partnershipSchema = z.object({ name, regionId: ref("organisations.errors.regionRequired") });

export const schoolSchema = z.object({
  name,
  sector: z.enum(SECTOR_VALUES, { errorMap: () => ({ message: "organisations.errors.sectorRequired" }) }),
  board: z
    .string({ required_error: "organisations.errors.boardRequired" })
    .trim()
    .min(2, "organisations.errors.boardRequired")
    .max(200, "organisations.errors.tooLong"),
  city: place,
  partnershipId: ref("organisations.errors.partnershipRequired"),
});

export const instituteSchema = z.object({
  name,
  kind: z.enum(INSTITUTE_KIND_VALUES, { errorMap: () => ({ message: "organisations.errors.kindRequired" }) }),
  city: place,
  partnershipId: ref("organisations.errors.partnershipRequired"),
});

/** `organisation` is "school:<id>" or "institute:<id>". */
export const linkSchema = z.object({
  organisation: z
    .string({ required_error: "organisations.errors.organisationRequired" })
    .regex(/^(school|institute):[A-Za-z0-9-]{1,100}$/, "organisations.errors.organisationRequired"),
  partnershipId: ref("organisations.errors.partnershipRequired"),
});

export const renameSchema = z.object({
  organisation: z
    .string({ required_error: "organisations.errors.organisationRequired" })
    .regex(/^(region|partnership|school|institute):[A-Za-z0-9-]{1,100}$/, "organisations.errors.organisationRequired"),
  name,
});

export const archiveSchema = z.object({
  organisation: z
    .string({ required_error: "organisations.errors.organisationRequired" })
    .regex(/^(region|partnership|school|institute):[A-Za-z0-9-]{1,100}$/, "organisations.errors.organisationRequired"),
  archived: z.enum(["true", "false"], { errorMap: () => ({ message: "organisations.errors.organisationRequired" }) }),
});
