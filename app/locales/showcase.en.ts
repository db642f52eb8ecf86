import type { Translation } from "./nl";

const showcaseEn: Translation["showcase"] = {
  title: "Public results",
  intro: "Research that schools and students in the region did together and made public. Search, read and use it in your own school.",
  metaDescription: "Public results of practice-based research by schools and teacher-education institutes in the region: reports, posters, lesson material and advice.",
  filterYear: "Year",
  noneYet: "There are no public results yet. As soon as schools make a study public, it appears here.",
  login: "Do you work at a school or institute in the region? Sign in to also see the results of your partnership and region.",
  loginLink: "Sign in",
  harvest: "For repositories: these results can be harvested through OAI-PMH at",
  citation: {
    title: "How to cite this result",
    label: "Reference in APA style",
    copy: "Copy reference",
    copied: "The reference has been copied.",
    copyFailed: "Copying did not work. Select the text and copy it yourself.",
  },
  links: {
    title: "Links",
    none: "There are no links with this result.",
  },
  visibility: {
    title: "Change visibility",
    submit: "Save visibility",
    help: "Making it less visible takes effect at once: the result also leaves expert groups and, if it was public, the public list and OAI-PMH. Making it more visible asks all students and the school leader for consent again.",
    lowered: "The result is now less visible.",
    requested: "Your consent has been recorded. As soon as all students and the school leader consent, the result becomes more widely visible.",
    raised: "The result is now more widely visible.",
    unchanged: "The visibility has not changed.",
    notYours: "Only the project's students and the school's leadership can change the visibility.",
    notAConsenter: "Only a student of the project or the school leader can ask to share more widely, as they give consent.",
    groupsNeed: "This result is visible to: {{level}}. Expert groups are regional, so you can only share results that are visible in the region or public.",
    raiseToRegion: "Ask for visibility in the region",
    askOwner: "Ask the students or the school leader to make the result visible in the region.",
  },
  authors: "Authors",
};

export default showcaseEn;
