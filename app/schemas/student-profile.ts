import { z } from "zod";
import { AVAILABILITY_OPTIONS } from "../domain/question-fit";
import { SECTOR_VALUES } from "../domain/sectors";

/** The student profile form; messages are i18n keys under `matching.profile.errors`. */
export const studentProfileSchema = z.object({
  programme: z.string().trim().min(2, "matching.profile.errors.programme").max(200, "matching.profile.errors.tooLong"),
  studyYear: z.coerce.number({ invalid_type_error: "matching.profile.errors.studyYear" }).int("matching.profile.errors.studyYear").min(1, "matching.profile.errors.studyYear").max(6, "matching.profile.errors.studyYear"),
  themeIds: z.array(z.string().max(100)).max(6, "matching.profile.errors.tooManyThemes").default([]),
  sectors: z.array(z.enum(SECTOR_VALUES, { errorMap: () => ({ message: "matching.profile.errors.sector" }) })).default([]),
  availability: z.enum(AVAILABILITY_OPTIONS, { errorMap: () => ({ message: "matching.profile.errors.availability" }) }),
  homeCity: z.string().trim().max(100, "matching.profile.errors.tooLong").default(""),
});
