/** Dutch UI text for projects and the live plan editor (issue 4). Mirrored in plan.en.ts. */
const planNl = {
  title: "Onderzoeksplan",
  errors: {
    notFound: "Dit plan bestaat niet, of je hebt er geen toegang toe.",
    forbidden: "Je mag dit plan niet wijzigen.",
    loadFailed: "Het plan kon niet worden geladen. Probeer het later opnieuw.",
  },
  access: {
    edit: "Je schrijft mee",
    comment: "Je kunt meelezen en feedback geven",
    read: "Je kunt meelezen",
  },
  project: {
    metaTitle: "{{title}} — project",
    school: "School",
    members: "Projectleden",
    student: "student",
    begeleider: "begeleider",
    openPlan: "Open het onderzoeksplan",
    planHeading: "Onderzoeksplan",
    noPlan: "Dit project heeft nog geen onderzoeksplan.",
  },
  editor: {
    metaTitle: "{{title}} — onderzoeksplan",
    backToProject: "Terug naar het project",
    sections: "Onderdelen",
    guidance: "Tip",
    loading: "De editor wordt geladen…",
    emptySection: "Nog niets geschreven.",
    sectionLabel: "Tekst van {{heading}}",
    readOnlyNotice: "Je kunt dit plan lezen maar niet wijzigen.",
    presence: "Wie is er nu",
    presenceEmpty: "Alleen jij",
    you: "(jij)",
    status: {
      connecting: "Verbinden…",
      saved: "Opgeslagen",
      saving: "Bezig met opslaan…",
      offline: "Verbinding verbroken — je wijzigingen worden bewaard",
      denied: "Je hebt geen toegang (meer) tot dit plan. Laad de pagina opnieuw.",
      failed: "Het plan kon niet worden geladen. Laad de pagina later opnieuw.",
    },
    toolbar: "Opmaak",
    bold: "Vet",
    italic: "Cursief",
    bulletList: "Opsomming",
    orderedList: "Genummerde lijst",
    export: "Exporteren",
    exportMarkdown: "Markdown (.md)",
  },
} as const;

export default planNl;
