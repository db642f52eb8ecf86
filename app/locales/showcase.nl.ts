/** Dutch UI text for the public showcase of results, citations and OAI-PMH (issue 23). Mirrored in showcase.en.ts. */
const showcaseNl = {
  title: "Openbare opbrengsten",
  intro:
    "Onderzoek dat scholen en studenten in de regio samen deden en openbaar hebben gemaakt. Zoek, lees en gebruik het in je eigen school.",
  metaDescription: "Openbare opbrengsten van praktijkonderzoek door scholen en lerarenopleidingen in de onderwijsregio: rapporten, posters, lesmateriaal en adviezen.",
  filterYear: "Jaar",
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
  authors: "Auteurs",
};

export default showcaseNl;
