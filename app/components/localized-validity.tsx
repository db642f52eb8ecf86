import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { validityMessage } from "../utils/validity-message";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function isControl(target: EventTarget | null): target is Control {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

/**
 * Replaces the browser's validation bubbles ("Please fill out this field", in
 * the browser's language) with ours, in the page's language, for every form.
 * Native checks stay: they work before JavaScript and need no code per form.
 * Renders nothing.
 */
export function LocalizedValidity() {
  const { t } = useTranslation();
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
        min: el instanceof HTMLInputElement ? el.min : undefined,
        max: el instanceof HTMLInputElement ? el.max : undefined,
        title: el.title || undefined,
      });
      if (message) el.setCustomValidity("text" in message ? message.text : t(message.key, message.values));
    };
    // A custom message makes the control invalid until cleared: clear it on
    // every edit, so the browser checks the new value afresh.
    const onEdit = (event: Event) => {
      if (isControl(event.target)) event.target.setCustomValidity("");
      // Radio buttons of one group share the message.
      if (event.target instanceof HTMLInputElement && event.target.type === "radio" && event.target.form && event.target.name) {
        for (const el of event.target.form.querySelectorAll<HTMLInputElement>(`input[type=radio]`)) {
          if (el.name === event.target.name) el.setCustomValidity("");
        }
      }
    };
    document.addEventListener("invalid", onInvalid, true); // "invalid" does not bubble
    document.addEventListener("input", onEdit, true);
    document.addEventListener("change", onEdit, true);
    return () => {
      document.removeEventListener("invalid", onInvalid, true);
      document.removeEventListener("input", onEdit, true);
      document.removeEventListener("change", onEdit, true);
    };
  }, [t]);
  return null;
}
