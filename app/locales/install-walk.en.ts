import type { Translation } from "./nl";

/** English UI text found missing on the issue-19 walk; mirrors install-walk.nl.ts key for key. */
const installWalkEn: Translation["installWalk"] = {
  nextSteps: {
    firstQuestion: "Write your school's first school development question",
    rank: "Rank your choices in {{round}}, by {{date}}",
    ranked: "Your choices in {{round}} are saved; you can change them until {{date}}",
  },
  notifications: {
    roundOpened: "The matching round ‘{{round}}’ is open: rank your choices by {{deadline, datetime}}.",
    begeleiderAdded: "You now supervise the project ‘{{title}}’: you can read the plan and comment on it.",
  },
  projects: {
    allChosen: "Everyone who can supervise this project already does. To add someone else, first invite an institute educator or a workplace supervisor of the school.",
  },
};

export default installWalkEn;
