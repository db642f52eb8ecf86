/** Dutch UI text for questions and the agenda (issue 3). Mirrored in questions.en.ts. */
const questionsNl = {
  title: "Schoolontwikkelvragen",
} as const;

export default questionsNl;
