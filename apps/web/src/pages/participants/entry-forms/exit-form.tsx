import { ExitParticipantBody, swedishDate } from '@stegvis/domain';
import { z } from 'zod';
import { CheckboxField, SelectField, TextField } from '../../../forms/fields';
import { Form, SubmitButton } from '../../../forms/form';
import { useIdempotencyKey } from '../../../forms/idempotency';
import { useZodForm } from '../../../forms/use-zod-form';
import { INCOME_SOURCE_CHOICES, OUTCOME_CHOICES, PICK_ONE } from '../choices';
import { chosen } from '../form-values';
import type { Recorder } from '../recorder';

const { shape } = ExitParticipantBody;
const ExitForm = ExitParticipantBody.extend({
  outcome: chosen(shape.outcome, 'Välj avslutsorsak.'),
  incomeSource: chosen(shape.incomeSource, 'Välj försörjning vid avslut.'),
});

/** "Avslut": the end of the participation, with its outcome. */
export function ParticipantExitForm({ record }: { readonly record: Recorder }) {
  const form = useZodForm(ExitForm, {
    defaultValues: {
      exitedOn: swedishDate(new Date()),
      outcome: '',
      incomeSource: '',
      planHandedOver: false,
    },
  });
  const keys = useIdempotencyKey();
  const submit = (body: z.output<typeof ExitForm>) =>
    record({ kind: 'exit', body }, keys.keyFor, 'Avslutet är sparat.');
  return (
    <Form form={form} onSubmit={submit} className="form form--wide" label="Avslut">
      <TextField name="exitedOn" label="Avslutsdatum" type="date" />
      <SelectField name="outcome" label="Avslutsorsak" choices={[PICK_ONE, ...OUTCOME_CHOICES]} />
      <SelectField
        name="incomeSource"
        label="Försörjning vid avslut"
        choices={[PICK_ONE, ...INCOME_SOURCE_CHOICES]}
      />
      <CheckboxField
        name="planHandedOver"
        label="Planen lämnades över"
        hint="Deltagarens plan lämnades över till den som tar vid efter insatsen."
      />
      <SubmitButton pending="Sparar …">Spara avslutet</SubmitButton>
    </Form>
  );
}
