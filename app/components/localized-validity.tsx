import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { validityMessage } from "../utils/validity-message";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function isControl(target: unknown): target is Control {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

/** A date bound as people write it ("31 juli 2027"), not as the attribute holds it (2027-07-31). */
function readableBound(el: HTMLInputElement, bound: string, language: string): string {
  if (el.type !== "date" || !/^\d{4}-\d{2}-\d{2}$/.test(bound)) return bound;
  const date = new Date(`${bound}T12:00:00`);
  return Number.isNaN(date.getTime()) ? bound : new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(date);
}

/** form.elements includes controls tied to the form with the form= attribute. */
function clearForm(form: HTMLFormElement) {
  for (const el of form.elements) if (isControl(el)) el.setCustomValidity("");
}

/**
 * Replaces the browser's validation bubbles ("Please fill out this field", in
 * the browser's language) with ours, in the page's language, for every form.
 * Native checks stay: they work before JavaScript and need no code per form.
 * It owns setCustomValidity for the whole page: a component that wants its own
 * message must not use it (none does). Renders nothing.
 */
export function LocalizedValidity() {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    const onInvalid = (event: Event) => {
      const el = event.target;
      if (!isControl(el)) return;
      el.setCustomValidity(""); // judge the value itself, not our previous message
      const message = validityMessage({
        validity: el.validity,
        type: el.type,
        value: el.value,
        minLength: "minLength" in el ? el.minLength : undefined,
        maxLength: "maxLength" in el ? el.maxLength : undefined,
        min: el instanceof HTMLInputElement ? readableBound(el, el.min, i18n.language) : undefined,
        max: el instanceof HTMLInputElement ? readableBound(el, el.max, i18n.language) : undefined,
        title: el.title || undefined,
      });
      if (message) el.setCustomValidity("text" in message ? message.text : t(message.key, message.values));
    };
    // A custom message makes the control invalid until cleared: clear it on
    // every edit, so what the field reports (validationMessage) is current.
    const onEdit = (event: Event) => {
      if (isControl(event.target)) event.target.setCustomValidity("");
    };
    // Values set by script or by form.reset() fire no edit event, and a radio
    // group's message sits on its other buttons. A stale message would make
    // the browser refuse the submit with no bubble at all, so the whole form is
    // cleared just before it is checked: on a click on a submit button (also
    // the one that Enter in a field simulates).
    const onSubmitClick = (event: Event) => {
      const button = event.target instanceof Element ? event.target.closest("button, input") : null;
      const submits = (button instanceof HTMLButtonElement || button instanceof HTMLInputElement) && (button.type === "submit" || button.type === "image");
      if (submits && button.form) clearForm(button.form);
    };
    const onReset = (event: Event) => {
      if (event.target instanceof HTMLFormElement) clearForm(event.target);
    };
    document.addEventListener("invalid", onInvalid, true); // "invalid" does not bubble
    document.addEventListener("input", onEdit, true);
    document.addEventListener("change", onEdit, true);
    document.addEventListener("click", onSubmitClick, true);
    document.addEventListener("reset", onReset, true);
    return () => {
      document.removeEventListener("invalid", onInvalid, true);
      document.removeEventListener("input", onEdit, true);
      document.removeEventListener("change", onEdit, true);
      document.removeEventListener("click", onSubmitClick, true);
      document.removeEventListener("reset", onReset, true);
    };
  }, [t, i18n.language]);
  return null;
}
