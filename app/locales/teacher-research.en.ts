import type { Translation } from "./nl";

/** English UI text for teacher research (issue 20); same keys as teacher-research.nl.ts. */
const teacherResearchEn: Translation["teacherResearch"] = {
  title: "Research by teachers",
  intro:
    "Take up this question without students: a team of the school's teachers (teacher researchers) or a learning lab writes the research plan. The question then leaves the matching round.",
  startLink: "Research by teachers",
  startHint: "No students needed? Let the school's teachers or a lab research this question.",
  badge: "Research by teachers",
  question: "Question",
  teachersLegend: "Teachers of {{school}}",
  teachersHelp: "Choose the teachers and school-based teacher educators who write the plan. They can edit it.",
  noTeachers: "This school has no teachers or school-based teacher educators in Samen Onderzoeken yet. Invite them, or choose a lab below.",
  roles: { leraar: "teacher", schoolopleider: "school-based teacher educator" },
  labLabel: "Learning lab (optional)",
  labHelp: "The lab's teachers write along; the lab's supervisors become the project's supervisors.",
  noLab: "No lab",
  labMembers: "{{count}} teachers",
  labNoMembers: "no teachers yet",
  noLabs: "There are no learning labs in this school's partnership.",
  submit: "Start research by teachers",
  submitting: "Starting…",
  cancel: "Back to the question",
  started: "Research by teachers has started. The teachers can now write the plan.",
  errors: {
    tooMany: "Choose at most 40 teachers.",
    teacherOutside: "Choose only teachers or school-based teacher educators of this question's school.",
    unknownLab: "This lab does not exist (any more) in this school's partnership.",
    labEmpty: "This lab has no teachers yet. Choose teachers of the school or another lab.",
    nobody: "Choose at least one teacher or a lab.",
    notOpen: "This question is no longer open: it is matched, running or closed.",
    inRound: "This question has already been assigned to a student in a matching round. Wait until that placement is declined or the round is closed.",
    unknownQuestion: "This question does not exist.",
    badRequest: "The form did not arrive properly. Please try again.",
  },
  notifications: {
    started: "You are co-writing the research plan for ‘{{title}}’ (research by teachers).",
  },
  contact: {
    column: "School contact",
    none: "no school-based teacher educator or school leader yet",
    roles: { schoolopleider: "school-based teacher educator", schoolleider: "school leader" },
    inGroup: "The school's contact:",
    chosenSchools: "Or contact the schools you chose:",
  },
  api: {
    questionRequired: "Name the question (questionId).",
    teacherIdsInvalid: "teacherIds must be a list of user ids.",
  },
};

export default teacherResearchEn;
