/** Dutch UI text for the last gaps of issue 19 (archived organisations, inviting a second programmaleider). Mirrored in install-gaps.en.ts. */
const installGapsNl = {
  archived: {
    noNewWork: "Deze school is gearchiveerd: er kan geen nieuw werk meer bij.",
    agendaNotice: "Deze school is gearchiveerd. Haar agenda blijft leesbaar, maar er komen geen nieuwe vragen of wijzigingen meer bij.",
    agendaReadOnly: "Deze school is gearchiveerd: de volgorde van haar agenda ligt vast.",
  },
} as const;

export default installGapsNl;
