import type { TFunction } from "i18next";
import { notificationText, type NotificationItem } from "../notification-text";

/**
 * The mails the platform sends, rendered to plain text plus simple HTML
 * (pure: the caller passes the translator of the recipient's language and
 * the public origin). Every mail ends with why the person gets it and a link
 * to /account, where they change it.
 */
export type RenderedMail = { subject: string; text: string; html: string };

type Block = { greeting: string; paragraphs: string[]; action?: { label: string; url: string }; after?: string[]; footer: string[] };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Header lines must never carry a line break (header injection) and stay readable in a mail list. */
export function subjectLine(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, " ").trim();
  return flat.length > 150 ? `${flat.slice(0, 149)}…` : flat;
}

function paragraphHtml(text: string): string {
  return `<p style="margin:0 0 16px">${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
}

export function layout(t: TFunction, block: Block): { text: string; html: string } {
  const textParts = [block.greeting, "", ...block.paragraphs.flatMap((p) => [p, ""])];
  if (block.action) textParts.push(`${block.action.label}:`, block.action.url, "");
  for (const p of block.after ?? []) textParts.push(p, "");
  textParts.push(t("mail.signature"), "", "--", ...block.footer);

  const html = [
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:600px;margin:0 auto;padding:16px">',
    paragraphHtml(block.greeting),
    ...block.paragraphs.map(paragraphHtml),
    block.action
      ? `<p style="margin:24px 0"><a href="${escapeHtml(block.action.url)}" style="background:#1d4f91;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(block.action.label)}</a></p><p style="margin:0 0 16px;font-size:14px;word-break:break-all">${escapeHtml(block.action.url)}</p>`
      : "",
    ...(block.after ?? []).map(paragraphHtml),
    paragraphHtml(t("mail.signature")),
    `<hr style="border:0;border-top:1px solid #ccc;margin:24px 0"><div style="font-size:13px;color:#555">${block.footer.map(paragraphHtml).join("")}</div>`,
    "</body></html>",
  ].join("\n");
  return { text: textParts.join("\n"), html };
}

function greeting(t: TFunction, name: string | null | undefined): string {
  return name ? t("mail.greeting", { name }) : t("mail.greetingNoName");
}

function accountFooter(t: TFunction, origin: string): string {
  return t("mail.footer.change", { url: `${origin}/account` });
}

export function invitationMail(
  t: TFunction,
  input: { origin: string; token: string; name: string; role: string; organisation: string; inviter: string | null; expiresAt: Date; dateFormat: Intl.DateTimeFormat },
): RenderedMail {
  const values = { role: t(`roles.${input.role}`), organisation: input.organisation, inviter: input.inviter ?? "" };
  const body = layout(t, {
    greeting: greeting(t, input.name),
    paragraphs: [input.inviter ? t("mail.invitation.body", values) : t("mail.invitation.bodyNoInviter", values)],
    action: { label: t("mail.invitation.action"), url: `${input.origin}/uitnodiging/${input.token}` },
    after: [t("mail.invitation.expires", { date: input.dateFormat.format(input.expiresAt) })],
    footer: [input.inviter ? t("mail.footer.invitation", { inviter: input.inviter }) : t("mail.footer.invitationNoInviter"), accountFooter(t, input.origin)],
  });
  return { subject: subjectLine(t("mail.invitation.subject", { organisation: input.organisation })), ...body };
}

export function passwordResetMail(t: TFunction, input: { origin: string; token: string; name: string }): RenderedMail {
  const body = layout(t, {
    greeting: greeting(t, input.name),
    paragraphs: [t("mail.reset.body")],
    action: { label: t("mail.reset.action"), url: `${input.origin}/wachtwoord-herstellen/${input.token}` },
    after: [t("mail.reset.expires"), t("mail.reset.ignore")],
    footer: [t("mail.footer.reset"), accountFooter(t, input.origin)],
  });
  return { subject: subjectLine(t("mail.reset.subject")), ...body };
}

function absolute(origin: string, link: string | null | undefined, fallback: string): string {
  return link && link.startsWith("/") && !link.startsWith("//") ? `${origin}${link}` : `${origin}${fallback}`;
}

export function notificationMail(t: TFunction, input: { origin: string; name: string; notification: NotificationItem & { link?: string | null } }): RenderedMail {
  const text = notificationText(input.notification, t);
  const body = layout(t, {
    greeting: greeting(t, input.name),
    paragraphs: [text],
    action: { label: t("mail.notification.open"), url: absolute(input.origin, input.notification.link, "/meldingen") },
    footer: [t("mail.footer.notification"), accountFooter(t, input.origin)],
  });
  return { subject: subjectLine(t("mail.notification.subject", { text })), ...body };
}

export function digestMail(t: TFunction, input: { origin: string; name: string; notifications: (NotificationItem & { link?: string | null })[] }): RenderedMail {
  const count = input.notifications.length;
  const lines = input.notifications.map((n) => `• ${notificationText(n, t)}\n  ${absolute(input.origin, n.link, "/meldingen")}`);
  const body = layout(t, {
    greeting: greeting(t, input.name),
    paragraphs: [t("mail.digest.intro", { count }), lines.join("\n")],
    action: { label: t("mail.digest.open"), url: `${input.origin}/meldingen` },
    footer: [t("mail.footer.notification"), accountFooter(t, input.origin)],
  });
  return { subject: subjectLine(t("mail.digest.subject", { count })), ...body };
}
