import type { Translation } from "./nl";

const questionsEn: Translation["questions"] = {
  title: "School development questions",
};

export default questionsEn;
