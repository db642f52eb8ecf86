/** Dutch UI text for the public showcase of results, citations and OAI-PMH (issue 23). Mirrored in showcase.en.ts. */
const showcaseNl = {
  title: "Openbare opbrengsten",
  intro:
    "Onderzoek dat scholen en studenten in de regio samen deden en openbaar hebben gemaakt. Zoek, lees en gebruik het in je eigen school.",
  metaDescription: "Openbare opbrengsten van praktijkonderzoek door scholen en lerarenopleidingen in de onderwijsregio: rapporten, posters, lesmateriaal en adviezen.",
  filterYear: "Jaar",
  noneYet: "Er zijn nog geen openbare opbrengsten. Zodra scholen een onderzoek openbaar delen, staat het hier.",
  login: "Werk je op een school of opleiding in de regio? Log in om ook de opbrengsten van je partnerschap en regio te zien.",
  loginLink: "Inloggen",
  harvest: "Voor repositories: deze opbrengsten zijn te oogsten via OAI-PMH op",
  citation: {
    title: "Zo verwijs je naar deze opbrengst",
    label: "Verwijzing in APA-stijl",
    copy: "Kopieer verwijzing",
    copied: "De verwijzing is gekopieerd.",
    copyFailed: "Kopiëren lukte niet. Selecteer de tekst en kopieer hem zelf.",
  },
  links: {
    title: "Links",
    none: "Er zijn geen links bij deze opbrengst.",
  },
  visibility: {
    title: "Zichtbaarheid wijzigen",
    submit: "Zichtbaarheid opslaan",
    help: "Minder zichtbaar maken gaat meteen: de opbrengst verdwijnt dan ook uit expertgroepen en, als hij openbaar was, uit de openbare lijst en OAI-PMH. Zichtbaarder maken vraagt opnieuw toestemming van alle studenten en de schoolleider.",
    lowered: "De opbrengst is nu minder zichtbaar.",
    requested: "Je toestemming is vastgelegd. Zodra alle studenten en de schoolleider toestemming geven, wordt de opbrengst breder zichtbaar.",
    raised: "De opbrengst is nu breder zichtbaar.",
    unchanged: "De zichtbaarheid is niet veranderd.",
    notYours: "Alleen de studenten van het project en de schoolleiding kunnen de zichtbaarheid wijzigen.",
    notAConsenter: "Breder delen kan alleen een student van het project of de schoolleider vragen, want zij geven toestemming.",
    groupsNeed: "Deze opbrengst is zichtbaar voor: {{level}}. Expertgroepen zijn regionaal, dus je kunt alleen opbrengsten delen die in de regio of openbaar zichtbaar zijn.",
    raiseToRegion: "Vraag om zichtbaarheid in de regio",
    askOwner: "Vraag de studenten of de schoolleider om de opbrengst in de regio zichtbaar te maken.",
  },
  authors: "Auteurs",
};

export default showcaseNl;
