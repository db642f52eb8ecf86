import type { Translation } from "./nl";

const showcaseEn: Translation["showcase"] = {
  title: "Public results",
  intro: "Research that schools and students in the region did together and made public. Search, read and use it in your own school.",
  metaDescription: "Public results of practice-based research by schools and teacher-education institutes in the region: reports, posters, lesson material and advice.",
  filterYear: "Year",
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
  authors: "Authors",
};

export default showcaseEn;
