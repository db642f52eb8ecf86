import type { QuestionStatus } from "../../db/schema";

/**
 * The status history a seeded question went through to reach its status,
 * with who made each move ("school" or "programme"), so /vragen/:id shows a
 * believable history. Every step is an allowed transition of
 * app/domain/question-lifecycle.ts (checked in scripts/seed/seed.test.ts).
 */
export function historyTo(status: QuestionStatus): { to: QuestionStatus; by: "school" | "programme" }[] {
  const main: { to: QuestionStatus; by: "school" | "programme" }[] = [
    { to: "ingediend", by: "school" },
    { to: "open", by: "programme" },
    { to: "gematcht", by: "programme" },
    { to: "in_uitvoering", by: "programme" },
    { to: "afgerond", by: "school" },
    { to: "geimplementeerd", by: "school" },
  ];
  switch (status) {
    case "concept":
      return [];
    case "teruggestuurd":
      return [main[0]!, { to: "teruggestuurd", by: "programme" }];
    case "gearchiveerd":
      return [...main.slice(0, 5), { to: "gearchiveerd", by: "school" }];
    default: {
      const index = main.findIndex((step) => step.to === status);
      return main.slice(0, index + 1);
    }
  }
}
