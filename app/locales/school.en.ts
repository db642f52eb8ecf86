import type { Translation } from "./nl";

/** English UI text for issue 20 (same keys as school.nl.ts). */
const schoolEn: Translation["school"] = {
  round: {
    locked: "This round has been published and is locked: you cannot recalculate or change settings. Start a follow-up round for those without a place.",
    lockedNotice: "Published on {{date}}. The round is locked; students and schools now respond to the proposals.",
    alreadyPublished: "This round has already been published.",
    confirmRequired: "First confirm that you have checked the summary.",
    summaryTitle: "Summary before publishing",
    summaryIntro: "Check this before you publish. After publishing the round is locked.",
    summaryPublishedTitle: "Summary of the round",
    totals: "{{placed}} of {{students}} students placed, {{unplaced}} not.",
    byRank: "choice {{n}}",
    placesTitle: "Places per school",
    labsTitle: "Places per learning lab",
    wanted: "Chosen by",
    places: "Places",
    placed: "Placed",
    shortage: "Shortage (fte)",
    minimum: "Solidarity minimum",
    minimumMet: "met",
    minimumMissed: "not met",
    seats: "Seats",
    unplacedTitle: "Not placed, and why",
    unplacedReasons: {
      noChoices: "{{count}} student(s) chose no question that is still open.",
      noSupervision: "{{count}} student(s) chose only questions of schools without supervision places in this round.",
      full: "{{count}} student(s) chose only questions that are full: the places went to students with a higher choice or to solidarity places.",
    },
    noUnplaced: "Everyone who ranked has a place.",
    confirm: "I have checked the summary. After publishing the round cannot be recalculated.",
    publish: "Publish round",
    publishing: "Publishing…",
    groupedTitle: "Result per school",
    groupSummary: "{{school}} — {{count}} placed",
    followUpTitle: "Follow-up round",
    followUpIntro: "For students without a place: the questions still open, with the supervision places schools have left.",
    followUpCreate: "Open follow-up round",
    followUpCreated: "The follow-up round is open.",
    followUpNotPublished: "A follow-up round can only start after this round is published.",
    followUpName: "Follow-up round {{name}}",
    priority: "Priority {{n}} on the school's agenda",
    priorityHint: "When outcomes are equal, the question the school ranks higher goes first.",
  },
  nextStep: {
    title: "What can you do now?",
    followUpOpen: "A follow-up round is running: {{name}}. Rank the questions that are still open.",
    followUpLater: "The programme leader can open a follow-up round for students without a place; you will get a notification.",
    openQuestions: "{{count}} questions are still open.",
    openQuestionsLink: "See the open questions",
    contact: "Questions? Contact the programme leader:",
  },
  notifications: {
    matching: {
      placed: "You have been placed in {{round}}: {{title}}. Accept or decline the proposal.",
      notPlaced: "You were not placed in {{round}}. See what you can do now.",
    },
  },
};

export default schoolEn;
