import { RecordSatisfactionBody, swedishDate } from '@stegvis/domain';
import { z } from 'zod';
import { RadioGroupField, TextField } from '../../../forms/fields';
import { Form, SubmitButton } from '../../../forms/form';
import { useIdempotencyKey } from '../../../forms/idempotency';
import { useZodForm } from '../../../forms/use-zod-form';
import { SATISFACTION_CHOICES } from '../choices';
import { chosenNumber } from '../form-values';
import { satisfactionWarning, type Fact } from '../journey';
import type { Recorder } from '../recorder';
import { useWarning, WarningNotice } from '../warning';

const SatisfactionForm = RecordSatisfactionBody.extend({
  score: chosenNumber(RecordSatisfactionBody.shape.score, 'Välj deltagarens svar.'),
});

/** "Nöjdhet": the participant's answer 1–5. */
export function SatisfactionAnswerForm({
  facts,
  record,
}: {
  readonly facts: readonly Fact[];
  readonly record: Recorder;
}) {
  const form = useZodForm(SatisfactionForm, {
    defaultValues: { score: '', answeredOn: swedishDate(new Date()) },
  });
  const keys = useIdempotencyKey();
  const warning = useWarning();
  const submit = async (body: z.output<typeof SatisfactionForm>) => {
    if (!warning.accepted(satisfactionWarning(facts))) return;
    await record({ kind: 'satisfaction', body }, keys.keyFor, 'Nöjdheten är sparad.');
  };
  return (
    <Form form={form} onSubmit={submit} className="form form--wide" label="Nöjdhet">
      <RadioGroupField
        name="score"
        legend="Hur nöjd är deltagaren med insatsen?"
        choices={SATISFACTION_CHOICES}
      />
      <TextField name="answeredOn" label="Datum för svaret" type="date" />
      <WarningNotice warning={warning.shown} />
      <SubmitButton pending="Sparar …">
        {warning.shown ? 'Spara ändå' : 'Spara svaret'}
      </SubmitButton>
    </Form>
  );
}
