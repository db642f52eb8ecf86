import type { Translation } from "./nl";

/** English text of outgoing mail and the admin mail queue page; mirrors mail.nl.ts key for key. */
const mailEn: Translation["mail"] = {
  greeting: "Dear {{name}},",
  greetingNoName: "Hello,",
  signature: "Kind regards,\nSamen Onderzoeken",
  footer: {
    invitation: "You receive this mail because {{inviter}} invited you to Samen Onderzoeken.",
    invitationNoInviter: "You receive this mail because you were invited to Samen Onderzoeken.",
    reset: "You receive this mail because someone asked for a new password for your Samen Onderzoeken account.",
    notification: "You receive this mail because you chose to get Samen Onderzoeken notifications by mail.",
    change: "Change when you get mail at {{url}}",
  },
  invitation: {
    subject: "Invitation to Samen Onderzoeken: {{organisation}}",
    body: "{{inviter}} invites you as {{role}} at {{organisation}} on Samen Onderzoeken, the platform where schools and teacher education institutes do practice-based research together.",
    bodyNoInviter: "You are invited as {{role}} at {{organisation}} on Samen Onderzoeken, the platform where schools and teacher education institutes do practice-based research together.",
    action: "Accept the invitation",
    expires: "This link is valid until {{date}} and works once.",
  },
  reset: {
    subject: "Set a new password for Samen Onderzoeken",
    body: "Someone asked for a new password for your account. Set it with this link:",
    action: "Set a new password",
    expires: "The link is valid for one hour and works once.",
    ignore: "Did you not ask for this? Then there is nothing to do: your password stays the same.",
  },
  notification: {
    subject: "New notification: {{text}}",
    open: "See it in Samen Onderzoeken",
  },
  digest: {
    subject_one: "Samen Onderzoeken: 1 new notification",
    subject_other: "Samen Onderzoeken: {{count}} new notifications",
    intro_one: "Since yesterday there is 1 new notification for you:",
    intro_other: "Since yesterday there are {{count}} new notifications for you:",
    open: "See all notifications",
  },
  admin: {
    title: "Mail queue",
    intro: "All mail the platform sends: invitations, password links and notifications. Mail is stored here first and then sent by the background worker, retrying when the mail server cannot be reached.",
    noSmtp: "No mail server is configured (SMTP_URL). Mail stays in the queue and goes out by itself once SMTP_URL is set and the server restarts.",
    smtpSet: "Mail goes through the configured mail server.",
    counts: "Queued: {{queued}} · sending: {{sending}} · sent: {{sent}} · failed: {{failed}} · not sent: {{cancelled}}",
    filter: "Show",
    filterAll: "Everything",
    filterSubmit: "Filter",
    none: "There is no mail in the queue. As soon as someone is invited or asks for a new password, the mail appears here.",
    caption: "The newest {{count}} mails",
    columns: {
      to: "To",
      kind: "Kind",
      subject: "Subject",
      status: "Status",
      attempts: "Attempts",
      lastError: "Last error",
      created: "Created",
      sent: "Sent",
      next: "Next attempt",
    },
    status: {
      queued: "Queued",
      sending: "Sending",
      sent: "Sent",
      failed: "Failed",
      cancelled: "Not sent",
    },
    kinds: {
      invitation: "Invitation",
      "password-reset": "Password link",
      notification: "Notification",
      digest: "Daily digest",
    },
    retry: "Try again",
    retried: "The mail is back in the queue.",
    retryNotFound: "This mail cannot be tried again.",
  },
  invitationSent: "Sent by mail (or waiting in the queue)",
  invitationSentTo: "{{name}} gets the invitation by mail at {{email}}. The mail is in the queue and goes out shortly.",
  invitationQueueLink: "See the mail queue",
};

export default mailEn;
