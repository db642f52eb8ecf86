import type { Translation } from "./nl";

const planEn: Translation["plan"] = {
  title: "Research plan",
  errors: {
    notFound: "This plan does not exist, or you have no access to it.",
    forbidden: "You may not change this plan.",
    loadFailed: "The plan could not be loaded. Please try again later.",
  },
  access: {
    edit: "You are a co-author",
    comment: "You can read along and give feedback",
    read: "You can read along",
  },
  project: {
    metaTitle: "{{title}} — project",
    school: "School",
    members: "Project members",
    student: "student",
    begeleider: "supervisor",
    openPlan: "Open the research plan",
    planHeading: "Research plan",
    noPlan: "This project has no research plan yet.",
  },
  editor: {
    metaTitle: "{{title}} — research plan",
    backToProject: "Back to the project",
    sections: "Sections",
    guidance: "Tip",
    loading: "Loading the editor…",
    emptySection: "Nothing written yet.",
    sectionLabel: "Text of {{heading}}",
    readOnlyNotice: "You can read this plan but not change it.",
    presence: "Who is here now",
    presenceEmpty: "Only you",
    you: "(you)",
    status: {
      connecting: "Connecting…",
      saved: "Saved",
      saving: "Saving…",
      offline: "Connection lost — your changes are kept",
      denied: "You have no access (anymore) to this plan. Reload the page.",
      failed: "The plan could not be loaded. Reload the page later.",
    },
    toolbar: "Formatting",
    bold: "Bold",
    italic: "Italic",
    bulletList: "Bullet list",
    orderedList: "Numbered list",
    export: "Export",
    exportMarkdown: "Markdown (.md)",
  },
};

export default planEn;
