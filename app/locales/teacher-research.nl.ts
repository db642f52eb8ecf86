/** Dutch UI text for teacher research (issue 20): a question taken up by the school's teachers or a lab. Mirrored in teacher-research.en.ts. */
const teacherResearchNl = {
  title: "Onderzoek door leraren",
  intro:
    "Neem deze vraag op zonder studenten: een team leraren van de school (leraar-onderzoekers) of een learning lab schrijft het onderzoeksplan. De vraag doet dan niet meer mee in de matchingronde.",
  startLink: "Onderzoek door leraren",
  startHint: "Geen studenten nodig? Laat leraren van de school of een lab deze vraag onderzoeken.",
  badge: "Onderzoek door leraren",
  question: "Vraag",
  teachersLegend: "Leraren van {{school}}",
  teachersHelp: "Kies de leraren en schoolopleiders die het plan schrijven. Zij kunnen het plan bewerken.",
  noTeachers: "Deze school heeft nog geen leraren of schoolopleiders in Samen Onderzoeken. Nodig ze uit, of kies hieronder een lab.",
  roles: { leraar: "leraar", schoolopleider: "schoolopleider" },
  labLabel: "Learning lab (optioneel)",
  labHelp: "De leraren van het lab schrijven mee; de begeleiders van het lab worden begeleider van het project.",
  noLab: "Geen lab",
  labMembers: "{{count}} leraren",
  labNoMembers: "nog geen leraren",
  noLabs: "Er zijn geen learning labs in het partnerschap van deze school.",
  submit: "Onderzoek door leraren starten",
  submitting: "Bezig met starten…",
  cancel: "Terug naar de vraag",
  started: "Het onderzoek door leraren is gestart. De leraren kunnen het plan nu schrijven.",
  errors: {
    tooMany: "Kies hoogstens 40 leraren.",
    teacherOutside: "Kies alleen leraren of schoolopleiders van de school van deze vraag.",
    unknownLab: "Dit lab bestaat niet (meer) in het partnerschap van deze school.",
    labEmpty: "Dit lab heeft nog geen leraren. Kies leraren van de school of een ander lab.",
    nobody: "Kies minstens één leraar of een lab.",
    notOpen: "Deze vraag staat niet (meer) open: ze is al gematcht, loopt al of is afgesloten.",
    inRound: "Deze vraag is in een matchingronde al aan een student toegewezen. Wacht tot die plaatsing is afgewezen of de ronde is gesloten.",
    unknownQuestion: "Deze vraag bestaat niet.",
    badRequest: "Het formulier kwam niet goed aan. Probeer het opnieuw.",
  },
  notifications: {
    started: "Je schrijft mee aan het onderzoeksplan voor ‘{{title}}’ (onderzoek door leraren).",
  },
  contact: {
    column: "Contactpersoon school",
    none: "nog geen schoolopleider of schoolleider",
    roles: { schoolopleider: "schoolopleider", schoolleider: "schoolleider" },
    inGroup: "Contactpersoon van de school:",
    chosenSchools: "Of neem contact op met de scholen die je koos:",
  },
  api: {
    questionRequired: "Geef de vraag op (questionId).",
    teacherIdsInvalid: "teacherIds moet een lijst met gebruikers-id's zijn.",
  },
};

export default teacherResearchNl;
