/** Implementation actions that spread ownership, and the notices of issue 20 (consents, ethics lapse). */
const actionOwnersNl = {
  form: {
    title: "Nieuwe actie",
    intro: "Geef de actie aan iemand van de school: een leraar, de schoolopleider of jijzelf.",
    name: "Wat gaat er gebeuren?",
    owner: "Eigenaar",
    ownerChoose: "Kies een eigenaar",
    due: "Streefdatum (optioneel)",
    dueHelp: "De actie loopt tot het eind van die dag.",
    submit: "Actie toevoegen",
    fromRecommendation: "Maak er een actie van",
    reassign: "Eigenaar of streefdatum wijzigen",
    reassignSubmit: "Wijziging opslaan",
    reassigned: "De actie is bijgewerkt.",
    noStaff: "Deze school heeft nog geen medewerkers in de app om een actie aan te geven.",
  },
  status: {
    reasonLabel: "Toelichting bij de status",
    reasonHelp: "Verplicht als je de actie loslaat: waarom gaat ze niet door?",
    yours: "Jouw actie",
    submit: "Status opslaan",
  },
  errors: {
    titleRequired: "Geef de actie een naam.",
    ownerRequired: "Kies een eigenaar voor de actie.",
    notStaff: "De eigenaar moet bij deze school werken. Kies iemand uit de lijst.",
    dateInvalid: "Vul een geldige datum in (jjjj-mm-dd).",
    datePast: "De streefdatum ligt in het verleden. Kies vandaag of een latere datum.",
    statusUnknown: "Kies een geldige status: gepland, bezig, gedaan of losgelaten.",
    reasonRequired: "Schrijf op waarom de actie wordt losgelaten.",
    notFound: "Deze actie bestaat niet (meer).",
    notAllowed: "Alleen de eigenaar van de actie, de schoolleider of de onderzoekscoördinator kan deze actie bijwerken.",
    notManager: "Alleen de schoolleider of onderzoekscoördinator van de school kan acties toewijzen.",
  },
  dashboard: {
    myActions: "Jouw actie: ‘{{title}}’ ({{status}})",
    myActionDue: "Jouw actie: ‘{{title}}’ ({{status}}, streefdatum {{date}})",
    myActionOverdue: "over de streefdatum",
    consentsWaiting_one: "{{count}} opbrengst wacht op jouw toestemming",
    consentsWaiting_other: "{{count}} opbrengsten wachten op jouw toestemming",
  },
  scan: {
    empty: "Vul voor minstens één aspect een afgesproken fase in. Aspecten die je leeg laat, houden hun afspraak.",
    priorityFirst: "Kies minstens één prioriteit met een concrete actie voordat je de scan sluit.",
    agreed: "Afgesproken: {{phase}}",
    notYet: "Nog geen afspraak",
    progress: "{{count}} van {{total}} aspecten hebben een afspraak.",
    partialHelp: "Je kunt de afspraken per aspect opslaan: aspecten die je leeg laat, blijven zoals ze waren.",
  },
  notifications: {
    assigned: "Je bent eigenaar van de actie ‘{{title}}’ (bij ‘{{result}}’).",
    assignedDue: "Je bent eigenaar van de actie ‘{{title}}’ (bij ‘{{result}}’), streefdatum {{due}}.",
    consentAsked: "Je toestemming wordt gevraagd om ‘{{title}}’ te delen met: {{level}}.",
    ethicsLapsed: "De aftekening van de checklist Ethiek & AVG van ‘{{title}}’ geldt niet meer: een antwoord is gewijzigd.",
  },
} as const;

export default actionOwnersNl;
