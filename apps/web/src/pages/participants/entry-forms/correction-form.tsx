import { CorrectableEnrolmentFields } from '@stegvis/domain';
import { z } from 'zod';
import { Form, SubmitButton } from '../../../forms/form';
import { useIdempotencyKey } from '../../../forms/idempotency';
import { useZodForm } from '../../../forms/use-zod-form';
import { ENROLMENT_FIELDS, type Enrolment } from '../enrolment';
import { AtEnrolmentFields, ParticipantFields, ReferredOnField } from '../enrolment-fields';
import { enrolmentFields, incomeSourceAtStart } from '../form-values';
import type { Recorder } from '../recorder';

const CorrectionForm = z.object({ ...enrolmentFields, incomeSourceAtStart });
type Corrected = z.output<typeof CorrectionForm>;

/** The enrolment as it stands, as the form's controls show it. */
const valuesOf = (current: Enrolment): z.input<typeof CorrectionForm> => ({
  gender: current.gender,
  birthYear: String(current.birthYear),
  referringParty: current.referringParty,
  incomeSourceAtStart: current.incomeSourceAtStart,
  educationLevel: current.educationLevel,
  supportDurationBefore: current.supportDurationBefore,
  referredOn: current.referredOn ?? '',
  assignment: { aim: current.assignment?.aim ?? '' },
});

/** "Rätta inskrivningen": the enrolment's fields as they stand; only what is changed is sent. */
export function EnrolmentCorrectionForm({
  current,
  record,
}: {
  readonly current: Enrolment;
  readonly record: Recorder;
}) {
  const form = useZodForm(CorrectionForm, { defaultValues: valuesOf(current) });
  const keys = useIdempotencyKey();
  const submit = async (values: Corrected) => {
    const changed = ENROLMENT_FIELDS.filter(
      ({ key }) => JSON.stringify(values[key]) !== JSON.stringify(current[key]),
    );
    // A date or an uppdrag once given can be corrected, not removed (the event has no "none").
    const removed = changed.find(({ key }) => values[key] === undefined);
    if (removed) {
      form.setError(removed.key === 'assignment' ? 'assignment.aim' : removed.key, {
        type: 'removed',
        message: `${removed.label} kan rättas men inte tas bort. Välj det som är rätt, eller ändra tillbaka.`,
      });
      return;
    }
    if (changed.length === 0) {
      form.setError('root.server', {
        type: 'unchanged',
        message:
          'Du har inte ändrat något, så det finns inget att spara. Ändra den uppgift som var fel och spara igen.',
      });
      return;
    }
    const fields = CorrectableEnrolmentFields.parse(
      Object.fromEntries(changed.map(({ key }) => [key, values[key]])),
    );
    await record(
      { kind: 'enrolment-correction', body: { fields } },
      keys.keyFor,
      `Inskrivningen är rättad: ${changed.map((c) => c.label.toLowerCase()).join(', ')}.`,
    );
  };
  return (
    <Form form={form} onSubmit={submit} className="form form--wide" label="Rätta inskrivningen">
      <p className="hint">
        Fälten visar inskrivningen som den är nu. Ändra det som blev fel; bara det du ändrar sparas,
        och historiken behåller både det gamla och det nya.
      </p>
      <ParticipantFields />
      <ReferredOnField />
      <AtEnrolmentFields incomeSource="incomeSourceAtStart" />
      <SubmitButton pending="Sparar …">Spara rättelsen</SubmitButton>
    </Form>
  );
}
