import type { Translation } from "./nl";

/** English UI text for the last gaps of issue 19. Same keys as install-gaps.nl.ts. */
const installGapsEn: Translation["installGaps"] = {
  archived: {
    noNewWork: "This school is archived: no new work can be added.",
    agendaNotice: "This school is archived. Its agenda stays readable, but no new questions or changes are added.",
    agendaReadOnly: "This school is archived: the order of its agenda is fixed.",
  },
};

export default installGapsEn;
