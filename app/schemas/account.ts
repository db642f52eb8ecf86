import { z } from "zod";
import { MAIL_PREFERENCES } from "../domain/mail/kinds";
import { PASSWORD_MAX, PASSWORD_MIN } from "./invitation";

/** Error messages are i18n keys; the routes translate them. The strength rule is the invitation's. */
const newPassword = {
  password: z.string({ required_error: "account.errors.passwordShort" }).min(PASSWORD_MIN, "account.errors.passwordShort").max(PASSWORD_MAX, "account.errors.passwordLong"),
  passwordConfirm: z.string({ required_error: "account.errors.passwordMismatch" }).max(PASSWORD_MAX, "account.errors.passwordLong"),
};
const confirmed = (v: { password: string; passwordConfirm: string }) => v.password === v.passwordConfirm;
const mismatch = { path: ["passwordConfirm"], message: "account.errors.passwordMismatch" };

export const forgotPasswordSchema = z.object({
  email: z.string({ required_error: "account.forgot.emailRequired" }).trim().min(1, "account.forgot.emailRequired").max(320, "account.errors.tooLong").email("account.forgot.emailInvalid"),
});

export const resetPasswordSchema = z.object(newPassword).refine(confirmed, mismatch);

export const changePasswordSchema = z
  .object({ currentPassword: z.string({ required_error: "account.errors.currentRequired" }).min(1, "account.errors.currentRequired").max(1000, "account.errors.tooLong"), ...newPassword })
  .refine(confirmed, mismatch);

export const profileSchema = z.object({
  name: z.string({ required_error: "account.errors.nameRequired" }).trim().min(1, "account.errors.nameRequired").max(200, "account.errors.tooLong"),
  locale: z.enum(["nl", "en"], { errorMap: () => ({ message: "account.errors.localeInvalid" }) }),
});

export const mailPreferenceSchema = z.object({
  mailPreference: z.enum(MAIL_PREFERENCES, { errorMap: () => ({ message: "account.errors.preferenceInvalid" }) }),
});
