import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";

/**
 * One-shot feedback after a redirect ("Uitnodiging aangemaakt"). Lives in a
 * short cookie that the root loader reads and clears. It is rendered as text,
 * so a forged cookie can at most show its owner a message.
 */
const toastCookie = createCookie("so_toast", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 });

const toastSchema = z.object({
  kind: z.enum(["success", "error", "info"]),
  message: z.string().max(500),
});
export type Toast = z.infer<typeof toastSchema>;

export async function toastHeader(toast: Toast): Promise<string> {
  return toastCookie.serialize(toast);
}

export async function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await toastHeader(toast));
  return redirect(url, { ...init, headers });
}

/** Reads the pending toast; the caller must send `clearHeader` when one was found. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; clearHeader: string | null }> {
  let raw: unknown = null;
  try {
    raw = await toastCookie.parse(request.headers.get("Cookie"));
  } catch {
    raw = null;
  }
  if (raw == null) return { toast: null, clearHeader: null };
  const parsed = toastSchema.safeParse(raw);
  const clearHeader = await toastCookie.serialize("", { maxAge: 0, expires: new Date(0) });
  return { toast: parsed.success ? parsed.data : null, clearHeader };
}
