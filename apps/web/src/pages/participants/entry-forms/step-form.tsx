import { RecordProgressionStepBody, swedishDate } from '@stegvis/domain';
import { z } from 'zod';
import { RadioGroupField, TextField } from '../../../forms/fields';
import { Form, SubmitButton } from '../../../forms/form';
import { useIdempotencyKey } from '../../../forms/idempotency';
import { useZodForm } from '../../../forms/use-zod-form';
import { chosenNumber } from '../form-values';
import type { Intervention } from '../participant-api';
import type { Recorder } from '../recorder';

const StepForm = RecordProgressionStepBody.extend({
  level: chosenNumber(RecordProgressionStepBody.shape.level, 'Välj ett steg på stegen.'),
});

/** "Steg på stegen": a level of the insats's ladder, by its Swedish label. */
export function ProgressionStepForm({
  intervention,
  record,
}: {
  readonly intervention: Intervention;
  readonly record: Recorder;
}) {
  const form = useZodForm(StepForm, {
    defaultValues: { level: '', stepOn: swedishDate(new Date()) },
  });
  const keys = useIdempotencyKey();
  const submit = (body: z.output<typeof StepForm>) =>
    record({ kind: 'progression-step', body }, keys.keyFor, 'Steget på stegen är sparat.');
  return (
    <Form form={form} onSubmit={submit} className="form form--wide" label="Steg på stegen">
      <RadioGroupField
        name="level"
        legend={intervention.ladder.label}
        choices={intervention.ladder.levels.map((l) => ({
          value: String(l.level),
          label: `${l.level}. ${l.label}`,
        }))}
      />
      <TextField name="stepOn" label="Datum för steget" type="date" />
      <SubmitButton pending="Sparar …">Spara steget</SubmitButton>
    </Form>
  );
}
