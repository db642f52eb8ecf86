/** Dutch UI text found missing on the issue-19 walk through an empty installation. Mirrored in install-walk.en.ts. */
const installWalkNl = {
  nextSteps: {
    firstQuestion: "Schrijf de eerste schoolontwikkelvraag van je school",
    rank: "Rangschik je keuzes in {{round}}, uiterlijk {{date}}",
    ranked: "Je keuzes in {{round}} staan opgeslagen; je kunt ze aanpassen tot en met {{date}}",
  },
  notifications: {
    roundOpened: "De matchingronde ‘{{round}}’ is open: rangschik je keuzes uiterlijk {{deadline, datetime}}.",
    begeleiderAdded: "Je begeleidt nu het project ‘{{title}}’: je kunt het plan lezen en reageren.",
  },
  projects: {
    allChosen: "Iedereen die dit project kan begeleiden, staat er al bij. Wil je nog iemand toevoegen? Nodig eerst een instituutsopleider of een werkplekbegeleider van de school uit.",
  },
} as const;

export default installWalkNl;
