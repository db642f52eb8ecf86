import type { Translation } from "./nl";

const planEn: Translation["plan"] = {
  title: "Research plan",
};

export default planEn;
