import { RadioGroupField, SelectField, TextField } from '../../forms/fields';
import {
  ASSIGNMENT_AIM_CHOICES,
  EDUCATION_CHOICES,
  GENDER_CHOICES,
  INCOME_SOURCE_CHOICES,
  NO_ASSIGNMENT,
  PICK_ONE,
  REFERRING_PARTY_CHOICES,
  SUPPORT_DURATION_CHOICES,
} from './choices';

/*
 * The enrolment's fields with the labels of DESIGN §8, as "Skriv in deltagare" and "Rätta
 * inskrivningen" both ask them (the values are checked by form-values' enrolmentFields).
 */

export function ReferredOnField() {
  return (
    <TextField
      name="referredOn"
      label="Aktualiseringsdatum"
      type="date"
      hint="Dagen deltagaren aktualiserades för insatsen. Lämna tomt om det inte är känt."
    />
  );
}

/** Kön and Födelseår. */
export function ParticipantFields() {
  return (
    <>
      <RadioGroupField name="gender" legend="Kön" choices={GENDER_CHOICES} />
      <TextField
        name="birthYear"
        label="Födelseår"
        hint="Fyra siffror, till exempel 1989."
        inputMode="numeric"
        autoComplete="off"
      />
    </>
  );
}

/** What held at the enrolment, and the uppdrag; `incomeSource` names the income field. */
export function AtEnrolmentFields({ incomeSource }: { readonly incomeSource: string }) {
  return (
    <>
      <SelectField
        name="referringParty"
        label="Aktualiserande part"
        choices={[PICK_ONE, ...REFERRING_PARTY_CHOICES]}
      />
      <IncomeSourceField name={incomeSource} label="Försörjning vid inskrivning" />
      <SelectField
        name="educationLevel"
        label="Utbildningsnivå"
        choices={[PICK_ONE, ...EDUCATION_CHOICES]}
      />
      <SelectField
        name="supportDurationBefore"
        label="Tid med offentlig försörjning före insatsen"
        choices={[PICK_ONE, ...SUPPORT_DURATION_CHOICES]}
      />
      <SelectField
        name="assignment.aim"
        label="Uppdrag"
        hint="Det insatsen ska hjälpa deltagaren att nå, när den har ett uppdrag."
        choices={[NO_ASSIGNMENT, ...ASSIGNMENT_AIM_CHOICES]}
      />
    </>
  );
}

/** A participant's income source at a moment: "Försörjning vid …". */
export function IncomeSourceField({
  name,
  label,
}: {
  readonly name: string;
  readonly label: string;
}) {
  return <SelectField name={name} label={label} choices={[PICK_ONE, ...INCOME_SOURCE_CHOICES]} />;
}
