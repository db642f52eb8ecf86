import { z } from "zod";

/** A new expert group, from the API (JSON) or the form on /expertgroepen; messages are locale keys. */
export const groupSchema = z.object({
  regionId: z.string({ required_error: "install.groups.errors.unknownRegion" }).min(1, "install.groups.errors.unknownRegion").max(100),
  name: z.string({ required_error: "install.groups.errors.nameRequired", invalid_type_error: "install.groups.errors.nameRequired" }).trim().min(2, "install.groups.errors.nameRequired").max(200, "install.groups.errors.tooLong"),
  description: z.string().trim().max(5000, "install.groups.errors.tooLong").default(""),
  themeId: z.string().max(100).nullish(),
  joinPolicy: z.enum(["open", "moderated"], { errorMap: () => ({ message: "install.groups.errors.joinPolicy" }) }),
  moderatorIds: z.array(z.string().min(1).max(100), { invalid_type_error: "install.groups.errors.moderatorIds" }).max(50).default([]),
});
