import { RetractEntryBody } from '@stegvis/domain';
import { z } from 'zod';
import { RadioGroupField, SelectField } from '../../../forms/fields';
import { Form, SubmitButton } from '../../../forms/form';
import { useIdempotencyKey } from '../../../forms/idempotency';
import { useZodForm } from '../../../forms/use-zod-form';
import { choicesOf } from '../../../labels';
import { PICK_ONE } from '../choices';
import { chosen } from '../form-values';
import type { Choice } from '../../../forms/fields';
import type { Recorder } from '../recorder';

const RetractionForm = RetractEntryBody.extend({
  eventId: chosen(RetractEntryBody.shape.eventId, 'Välj uppgiften som ska tas tillbaka.'),
  reason: chosen(RetractEntryBody.shape.reason, 'Välj varför uppgiften tas tillbaka.'),
});

/** "Ta tillbaka": an entry recorded by mistake, with a reason from the list (never free text). */
export function RetractionEntryForm({
  entries,
  record,
}: {
  readonly entries: readonly Choice[];
  readonly record: Recorder;
}) {
  const form = useZodForm(RetractionForm, { defaultValues: { eventId: '', reason: '' } });
  const keys = useIdempotencyKey();
  if (entries.length === 0) {
    return <p>Det finns inga registrerade uppgifter att ta tillbaka.</p>;
  }
  const submit = (body: z.output<typeof RetractionForm>) =>
    record({ kind: 'retraction', body }, keys.keyFor, 'Uppgiften är tagen tillbaka.');
  return (
    <Form form={form} onSubmit={submit} className="form form--wide" label="Ta tillbaka">
      <p className="hint">
        En uppgift som tas tillbaka finns kvar i historiken, överstruken, men räknas inte längre.
        Registrera sedan det rätta.
      </p>
      <SelectField name="eventId" label="Uppgift" choices={[PICK_ONE, ...entries]} />
      <RadioGroupField name="reason" legend="Skäl" choices={choicesOf('retractionReasons')} />
      <SubmitButton pending="Tar tillbaka …">Ta tillbaka uppgiften</SubmitButton>
    </Form>
  );
}
