import { recordAudit } from "../models/audit.server";
import { checkLoginThrottle, recordLoginFailure } from "./login-throttle.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";

/** Every form that checks a password (contract 6.12): they share one throttle. */
export type PasswordForm = "login" | "invitation" | "account";

export type PasswordGuess =
  | { ok: true }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "throttled"; scope: "account" | "ip" | "slowdown"; retryAfterSeconds: number };

/**
 * Checks one password guess for an account: refused while the throttle says so
 * (nothing is verified then), otherwise verified, and a wrong guess is counted
 * and audited. `passwordHash` null (unknown, disabled or password-less account)
 * is always wrong, after the same work as a real check so timing tells nothing.
 */
export async function checkPasswordGuess(input: {
  form: PasswordForm;
  /** The account the password is for, normalised (lower-case, trimmed). */
  email: string;
  ip: string;
  passwordHash: string | null;
  password: string;
  userId?: string | null;
}): Promise<PasswordGuess> {
  const { form, email, ip } = input;
  const throttle = checkLoginThrottle(email, ip);
  if (throttle.verdict !== "ok") {
    recordAudit({ event: "login.throttled", email, ip, subjectUserId: input.userId ?? null, detail: { reason: throttle.verdict, form } });
    return { ok: false, reason: "throttled", scope: throttle.verdict, retryAfterSeconds: throttle.retryAfterSeconds };
  }
  const matches = await verifyPassword(input.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (input.passwordHash && matches) return { ok: true };
  recordLoginFailure(email, ip);
  recordAudit({ event: "login.failure", email, ip, subjectUserId: input.userId ?? null, detail: { form } });
  return { ok: false, reason: "wrong" };
}

/** The translation key for a throttled guess, and its Retry-After header. */
export function throttleMessage(guess: { scope: "account" | "ip" | "slowdown"; retryAfterSeconds: number }) {
  const key = { account: "login.throttledAccount", ip: "login.throttledIp", slowdown: "login.throttledSlowdown" }[guess.scope];
  return { key, values: { seconds: guess.retryAfterSeconds }, headers: { "Retry-After": String(guess.retryAfterSeconds) } };
}
