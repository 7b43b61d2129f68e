import { ExitParticipantBody, swedishDate, type Assignment } from '@stegvis/domain';
import { useMemo } from 'react';
import { z } from 'zod';
import { CheckboxField, RadioGroupField, SelectField, TextField } from '../../../forms/fields';
import { Form, SubmitButton } from '../../../forms/form';
import { useIdempotencyKey } from '../../../forms/idempotency';
import { useZodForm } from '../../../forms/use-zod-form';
import { assignmentAimLabel, choicesOf } from '../../../labels';
import { PICK_ONE } from '../choices';
import { chosen } from '../form-values';
import { IncomeSourceField } from '../enrolment-fields';
import type { Recorder } from '../recorder';

const { shape } = ExitParticipantBody;
const GOAL_REACHED_CHOICES = [
  { value: 'yes', label: 'Ja' },
  { value: 'no', label: 'Nej' },
];

/** The exit as the form's controls give it; whether the uppdrag's aim was reached is asked of
 * (and required for) a participant with an uppdrag only. */
const exitForm = (withAssignment: boolean) =>
  ExitParticipantBody.extend({
    outcome: chosen(shape.outcome, 'Välj avslutsorsak.'),
    incomeSource: chosen(shape.incomeSource, 'Välj försörjning vid avslut.'),
    assignmentGoalReached: z.string().transform((answer, ctx) => {
      if (answer === '' && withAssignment) {
        ctx.addIssue({ code: 'custom', message: 'Välj om uppdragets mål har nåtts.' });
      }
      return answer === '' ? undefined : answer === 'yes';
    }),
  });
type ExitForm = ReturnType<typeof exitForm>;

/** "Avslut": the end of the participation, with its outcome. */
export function ParticipantExitForm({
  record,
  assignment,
}: {
  readonly record: Recorder;
  /** The participant's uppdrag, when it has one. */
  readonly assignment: Assignment | undefined;
}) {
  const schema = useMemo(() => exitForm(assignment !== undefined), [assignment]);
  const form = useZodForm(schema, {
    defaultValues: {
      exitedOn: swedishDate(new Date()),
      outcome: '',
      incomeSource: '',
      planHandedOver: false,
      assignmentGoalReached: '',
    },
  });
  const keys = useIdempotencyKey();
  const submit = (body: z.output<ExitForm>) =>
    record({ kind: 'exit', body }, keys.keyFor, 'Avslutet är sparat.');
  return (
    <Form form={form} onSubmit={submit} className="form form--wide" label="Avslut">
      <TextField name="exitedOn" label="Avslutsdatum" type="date" />
      <SelectField
        name="outcome"
        label="Avslutsorsak"
        choices={[PICK_ONE, ...choicesOf('outcomes')]}
      />
      <IncomeSourceField name="incomeSource" label="Försörjning vid avslut" />
      <CheckboxField
        name="planHandedOver"
        label="Planen lämnades över"
        hint="Deltagarens plan lämnades över till den som tar vid efter insatsen."
      />
      {assignment ? (
        <>
          <p className="hint">Deltagarens uppdrag: {assignmentAimLabel(assignment.aim)}.</p>
          <RadioGroupField
            name="assignmentGoalReached"
            legend="Har uppdragets mål nåtts?"
            choices={GOAL_REACHED_CHOICES}
          />
        </>
      ) : null}
      <SubmitButton pending="Sparar …">Spara avslutet</SubmitButton>
    </Form>
  );
}
