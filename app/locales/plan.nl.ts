/** Dutch UI text for projects and the live plan editor (issue 4). Mirrored in plan.en.ts. */
const planNl = {
  title: "Onderzoeksplan",
} as const;

export default planNl;
