import { z } from "zod";

/**
 * What a learning lab needs, checked without the database (issue 19): the
 * form on /labs and `POST /api/v1/labs` both go through `checkLabInput`.
 * Messages are locale keys under `install.labs.errors`; the model adds what
 * needs the database (duplicate name, host and supervisors in the partnership).
 */

const key = (k: string) => `install.labs.errors.${k}`;
const isoDate = (message: string) =>
  z
    .string({ required_error: message, invalid_type_error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), message);
const ids = (max: number) => z.array(z.string().min(1).max(100)).max(max, key("tooMany")).default([]);

export const MAX_LAB_SEATS = 500;

export const labInputSchema = z
  .object({
    partnershipId: z.string({ required_error: key("partnershipRequired") }).trim().min(1, key("partnershipRequired")).max(100),
    name: z.string({ required_error: key("nameRequired") }).trim().min(2, key("nameRequired")).max(200, key("tooLong")),
    description: z.string().trim().max(5000, key("tooLong")).default(""),
    seats: z.coerce
      .number({ invalid_type_error: key("seats"), required_error: key("seats") })
      .int(key("seats"))
      .min(1, key("seats"))
      .max(MAX_LAB_SEATS, key("seats")),
    periodStart: isoDate(key("periodStart")),
    periodEnd: isoDate(key("periodEnd")),
    hostSchoolId: z.string().trim().max(100).nullish(),
    hostInstituteId: z.string().trim().max(100).nullish(),
    themeIds: ids(20),
    supervisorIds: ids(50),
    memberIds: ids(200),
  })
  .superRefine((lab, ctx) => {
    if (lab.periodEnd < lab.periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: key("endBeforeStart") });
    if (lab.hostSchoolId && lab.hostInstituteId) ctx.addIssue({ code: "custom", path: ["host"], message: key("oneHost") });
  });

export type LabInput = z.infer<typeof labInputSchema>;

export type LabCheck = { ok: true; value: LabInput } | { ok: false; errors: Record<string, string> };

/** Field → locale key of the first problem per field, or the clean input. */
export function checkLabInput(raw: unknown): LabCheck {
  const parsed = labInputSchema.safeParse(raw);
  if (parsed.success) {
    const v = parsed.data;
    return {
      ok: true,
      value: { ...v, hostSchoolId: v.hostSchoolId || null, hostInstituteId: v.hostInstituteId || null, supervisorIds: [...new Set(v.supervisorIds)], memberIds: [...new Set(v.memberIds)], themeIds: [...new Set(v.themeIds)] },
    };
  }
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message.startsWith("install.") ? issue.message : key("invalid");
  }
  return { ok: false, errors };
}

/** The roles that may supervise a lab; teachers (leraren) may also take part as members. */
export const LAB_SUPERVISOR_ROLES = ["instituutsopleider", "schoolopleider", "werkplekbegeleider", "leraar"] as const;
export const LAB_MEMBER_ROLES = ["leraar"] as const;
