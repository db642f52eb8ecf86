import type { Translation } from "./nl";

/** English texts for action-owners.nl.ts (same keys). */
const actionOwnersEn: Translation["actionOwners"] = {
  form: {
    title: "New action",
    intro: "Give the action to someone at the school: a teacher, the school-based teacher educator or yourself.",
    name: "What will happen?",
    owner: "Owner",
    ownerChoose: "Choose an owner",
    due: "Due date (optional)",
    dueHelp: "The action runs until the end of that day.",
    submit: "Add action",
    fromRecommendation: "Turn into an action",
    reassign: "Change owner or due date",
    reassignSubmit: "Save change",
    reassigned: "The action was updated.",
    noStaff: "This school has no staff in the app yet to give an action to.",
  },
  status: {
    reasonLabel: "Note on the status",
    reasonHelp: "Required when you let the action go: why will it not happen?",
    yours: "Your action",
    submit: "Save status",
  },
  errors: {
    titleRequired: "Give the action a name.",
    ownerRequired: "Choose an owner for the action.",
    notStaff: "The owner must work at this school. Choose someone from the list.",
    dateInvalid: "Enter a valid date (yyyy-mm-dd).",
    datePast: "The due date is in the past. Choose today or a later date.",
    statusUnknown: "Choose a valid status: planned, in progress, done or let go.",
    reasonRequired: "Write down why the action is let go.",
    notFound: "This action does not exist (any more).",
    notAllowed: "Only the action's owner, the school leader or the research coordinator can update this action.",
    notManager: "Only the school leader or research coordinator of the school can assign actions.",
  },
  dashboard: {
    myActions: "Your action: ‘{{title}}’ ({{status}})",
    myActionDue: "Your action: ‘{{title}}’ ({{status}}, due {{date}})",
    myActionOverdue: "past its due date",
    consentsWaiting_one: "{{count}} result waits for your consent",
    consentsWaiting_other: "{{count}} results wait for your consent",
  },
  scan: {
    empty: "Fill in an agreed phase for at least one aspect. Aspects you leave empty keep their agreement.",
    priorityFirst: "Choose at least one priority with a concrete action before you close the scan.",
    agreed: "Agreed: {{phase}}",
    notYet: "No agreement yet",
    progress: "{{count}} of {{total}} aspects have an agreement.",
    partialHelp: "You can save the agreements aspect by aspect: aspects you leave empty stay as they were.",
  },
  notifications: {
    assigned: "You own the action ‘{{title}}’ (for ‘{{result}}’).",
    assignedDue: "You own the action ‘{{title}}’ (for ‘{{result}}’), due {{due}}.",
    consentAsked: "Your consent is asked to share ‘{{title}}’ with: {{level}}.",
    ethicsLapsed: "The sign-off of the Ethics & GDPR checklist of ‘{{title}}’ no longer holds: an answer was changed.",
  },
};

export default actionOwnersEn;
