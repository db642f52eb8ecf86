import { describe, expect, it } from "vitest";
import { AUDIT_EVENTS } from "../../db/schema";
import en from "./en";
import nl from "./nl";

describe("the audit log's labels (/beheer/logboek)", () => {
  it("name every audit event in Dutch and English", () => {
    for (const [name, locale] of [["nl", nl], ["en", en]] as const) {
      const labels = locale.audit.events as Record<string, string>;
      const missing = AUDIT_EVENTS.filter((event) => !labels[event]?.trim());
      expect(missing, `${name} mist labels`).toEqual([]);
    }
  });
});
