import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, SelectField, SubmitButton, TextAreaField } from "../organisations/form-parts";
import { FormField } from "../ui/form-field";

export type LabPartnership = {
  id: string;
  name: string;
  schools: { id: string; name: string }[];
  institutes: { id: string; name: string }[];
  supervisors: { id: string; name: string; role: string; organisation: string }[];
  teachers: { id: string; name: string; role: string; organisation: string }[];
};

export type LabValues = {
  id?: string;
  name: string;
  description: string;
  host: string;
  themeIds: string[];
  seats: number | string;
  periodStart: string;
  periodEnd: string;
  supervisorIds: string[];
  memberIds: string[];
};

export type LabReply = { form: string; errors: Record<string, string> };

/**
 * The lab form for one partnership (create, or edit with `lab`). Works
 * without JavaScript: plain selects, the partnership as a hidden field.
 */
export function LabForm({ partnership, themes, lab }: { partnership: LabPartnership; themes: { id: string; name: string }[]; lab?: LabValues }) {
  const { t } = useTranslation();
  const formKey = lab?.id ?? `new-${partnership.id}`;
  const reply = useActionData<LabReply>();
  const navigation = useNavigation();
  const errors = reply && reply.form === formKey ? reply.errors : {};
  const pending = navigation.state !== "idle" && navigation.formData?.get("formKey") === formKey;
  const id = (field: string) => `lab-${formKey}-${field}`;
  const roleLabel = (role: string) => t(`roles.${role}`);
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value={lab?.id ? "update" : "create"} />
      <input type="hidden" name="formKey" value={formKey} />
      <input type="hidden" name="partnershipId" value={partnership.id} />
      {lab?.id ? <input type="hidden" name="labId" value={lab.id} /> : null}
      <FormAlert error={errors.form ?? errors.partnershipId} />
      <FormField id={id("name")} label={t("install.labs.name")} name="name" required maxLength={200} defaultValue={lab?.name} error={errors.name} />
      <TextAreaField id={id("description")} name="description" label={t("install.labs.description")} maxLength={5000} defaultValue={lab?.description} error={errors.description} />
      <SelectField
        id={id("host")}
        name="host"
        label={t("install.labs.host")}
        placeholder={t("install.labs.hostNone")}
        required={false}
        options={[
          ...partnership.schools.map((s) => ({ value: `school:${s.id}`, label: s.name })),
          ...partnership.institutes.map((i) => ({ value: `institute:${i.id}`, label: i.name })),
        ]}
        defaultValue={lab?.host}
        error={errors.host}
      />
      <SelectField id={id("themes")} name="themeIds" label={t("install.labs.themes")} multiple options={themes.map((th) => ({ value: th.id, label: th.name }))} defaultValue={lab?.themeIds} error={errors.themeIds} />
      <FormField id={id("seats")} label={t("install.labs.seats")} name="seats" type="number" inputMode="numeric" min={1} max={500} required defaultValue={lab?.seats ?? ""} error={errors.seats} />
      <div className="stack">
        <FormField id={id("start")} label={t("install.labs.periodStart")} name="periodStart" type="date" required defaultValue={lab?.periodStart} error={errors.periodStart} />
        <FormField id={id("end")} label={t("install.labs.periodEnd")} name="periodEnd" type="date" required defaultValue={lab?.periodEnd} error={errors.periodEnd} />
      </div>
      <SelectField
        id={id("supervisors")}
        name="supervisorIds"
        label={t("install.labs.supervisors")}
        help={t("install.labs.supervisorsHelp")}
        multiple
        options={partnership.supervisors.map((p) => ({ value: p.id, label: `${p.name} — ${roleLabel(p.role)}, ${p.organisation}` }))}
        defaultValue={lab?.supervisorIds}
        error={errors.supervisorIds}
      />
      <SelectField
        id={id("teachers")}
        name="memberIds"
        label={t("install.labs.teachers")}
        help={t("install.labs.teachersHelp")}
        multiple
        options={partnership.teachers.map((p) => ({ value: p.id, label: `${p.name} — ${p.organisation}` }))}
        defaultValue={lab?.memberIds}
        error={errors.memberIds}
      />
      <SubmitButton pending={pending} label={lab?.id ? t("install.labs.save") : t("install.labs.create")} pendingLabel={t("install.labs.saving")} />
    </Form>
  );
}
