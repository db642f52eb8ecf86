/** The list items of the privacy texts, in the order they are shown (keys of privacy.*.ts). */
export const EXPORT_CONTENT_KEYS = ["profile", "roles", "questions", "matching", "plans", "results", "scan", "other"] as const;
export const ERASURE_EFFECT_KEYS = ["signIn", "names", "removed", "kept"] as const;
export const RIGHTS_KEYS = ["access", "erasure", "correction"] as const;
export const STATEMENT_ROW_KEYS = ["account", "work", "studentProfile", "scan", "sessions", "loginFailures", "invitations", "passwordResets", "mail", "audit", "imports"] as const;
