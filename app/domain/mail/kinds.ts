/** How notifications reach someone by mail, and the life of a queued mail (shared by schema, forms and pages). */
export const MAIL_PREFERENCES = ["direct", "digest", "off"] as const;
export type MailPreference = (typeof MAIL_PREFERENCES)[number];

export const MAIL_STATUSES = ["queued", "sending", "sent", "failed", "cancelled"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
