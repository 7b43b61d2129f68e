import { RadioGroupField, SelectField, TextField } from '../../forms/fields';
import { choicesOf } from '../../labels';
import { NO_ASSIGNMENT, PICK_ONE } from './choices';

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
      <RadioGroupField name="gender" legend="Kön" choices={choicesOf('genders')} />
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
        choices={[PICK_ONE, ...choicesOf('referringParties')]}
      />
      <IncomeSourceField name={incomeSource} label="Försörjning vid inskrivning" />
      <SelectField
        name="educationLevel"
        label="Utbildningsnivå"
        choices={[PICK_ONE, ...choicesOf('educationLevels')]}
      />
      <SelectField
        name="supportDurationBefore"
        label="Tid med offentlig försörjning före insatsen"
        choices={[PICK_ONE, ...choicesOf('supportDurations')]}
      />
      <SelectField
        name="assignment.aim"
        label="Uppdrag"
        hint="Det insatsen ska hjälpa deltagaren att nå, när den har ett uppdrag."
        choices={[NO_ASSIGNMENT, ...choicesOf('assignmentAims')]}
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
  return (
    <SelectField name={name} label={label} choices={[PICK_ONE, ...choicesOf('incomeSources')]} />
  );
}
