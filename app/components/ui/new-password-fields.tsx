import { PASSWORD_MIN } from "../../schemas/invitation";
import { FormField } from "./form-field";

/**
 * A new password and its confirmation, the same on every form that sets one
 * (invitation, reset link, account page), so the strength hint, the browser's
 * password-manager hints and the field names (`password`, `passwordConfirm`,
 * contract 6.12) never drift apart.
 */
export function NewPasswordFields(props: {
  label: string;
  help: string;
  confirmLabel: string;
  errors: { password?: string; passwordConfirm?: string };
}) {
  return (
    <>
      <FormField
        label={props.label}
        help={props.help}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        error={props.errors.password}
      />
      <FormField label={props.confirmLabel} name="passwordConfirm" type="password" autoComplete="new-password" required error={props.errors.passwordConfirm} />
    </>
  );
}
