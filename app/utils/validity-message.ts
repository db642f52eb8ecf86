/**
 * Which translated message explains why a form control is invalid. The
 * browser's own messages follow the browser's language, not the page's, so a
 * Dutch page in an English browser would say "Please fill out this field".
 * Pure: takes the parts of a control it needs, so it is testable without a DOM.
 */
export type ValidityFlags = Pick<
  ValidityState,
  | "valueMissing"
  | "typeMismatch"
  | "tooShort"
  | "tooLong"
  | "rangeUnderflow"
  | "rangeOverflow"
  | "stepMismatch"
  | "patternMismatch"
  | "badInput"
>;

export type ValidityControl = {
  validity: ValidityFlags;
  /** input type ("email", "checkbox", …), "select-one" for a select, "textarea". */
  type: string;
  value: string;
  minLength?: number;
  maxLength?: number;
  min?: string;
  max?: string;
  /** The author's own explanation of a pattern (the title attribute), if any. */
  title?: string;
};

export type ValidityMessage = { key: string; values?: Record<string, string | number> } | { text: string };

/** null when the control is valid in every respect we translate. */
export function validityMessage(control: ValidityControl): ValidityMessage | null {
  const v = control.validity;
  const key = (name: string, values?: Record<string, string | number>) => ({ key: `common.validity.${name}`, values });
  if (v.valueMissing) {
    if (control.type === "checkbox") return key("valueMissingCheckbox");
    if (control.type === "radio" || control.type.startsWith("select")) return key("valueMissingChoice");
    if (control.type === "file") return key("valueMissingFile");
    return key("valueMissing");
  }
  if (v.badInput) return key("badInput");
  if (v.typeMismatch) {
    if (control.type === "email") return key("typeMismatchEmail");
    if (control.type === "url") return key("typeMismatchUrl");
    return key("typeMismatch");
  }
  if (v.tooShort) return key("tooShort", { min: control.minLength ?? 0, length: control.value.length });
  if (v.tooLong) return key("tooLong", { max: control.maxLength ?? 0, length: control.value.length });
  if (v.rangeUnderflow) return key("rangeUnderflow", { min: control.min ?? "" });
  if (v.rangeOverflow) return key("rangeOverflow", { max: control.max ?? "" });
  if (v.stepMismatch) return key("stepMismatch");
  if (v.patternMismatch) return control.title ? { text: control.title } : key("patternMismatch");
  return null;
}
