import { RecordFollowUpBody, swedishDate, type IsoDate } from '@stegvis/domain';
import { z } from 'zod';
import { date } from '../../../format';
import { RadioGroupField, SelectField, TextField } from '../../../forms/fields';
import { Form, SubmitButton } from '../../../forms/form';
import { useIdempotencyKey } from '../../../forms/idempotency';
import { useZodForm } from '../../../forms/use-zod-form';
import { choicesOf, followUpMarkChoices, followUpMarkLabel } from '../../../labels';
import { PICK_ONE } from '../choices';
import { followUps } from '../enrolment';
import { chosen, chosenNumber } from '../form-values';
import type { Fact } from '../journey';
import { IncomeSourceField } from '../enrolment-fields';
import type { Recorder } from '../recorder';

const { shape } = RecordFollowUpBody;
const FollowUpForm = RecordFollowUpBody.extend({
  monthsAfterExit: chosenNumber(shape.monthsAfterExit, 'Välj vilken uppföljning det är.'),
  status: chosen(shape.status, 'Välj vad personen gör nu.'),
  incomeSource: chosen(shape.incomeSource, 'Välj försörjning vid uppföljningen.'),
});

/**
 * "Uppföljning efter avslut": what the person does 3, 6 or 12 months after the exit. Only the
 * marks that have come and have no follow-up yet are offered.
 */
export function FollowUpEntryForm({
  facts,
  exitedOn,
  record,
}: {
  readonly facts: readonly Fact[];
  /** The standing exit's date; none before the exit. */
  readonly exitedOn: IsoDate | undefined;
  readonly record: Recorder;
}) {
  const today = swedishDate(new Date());
  const open = exitedOn === undefined ? undefined : followUps(facts, exitedOn, today);
  const only = open?.due.length === 1 ? String(open.due[0]) : '';
  const form = useZodForm(FollowUpForm, {
    defaultValues: { monthsAfterExit: only, followedUpOn: today, status: '', incomeSource: '' },
  });
  const keys = useIdempotencyKey();
  if (exitedOn === undefined || open === undefined) {
    return (
      <p>
        Uppföljningen görs 3, 6 och 12 månader efter avslutet. Registrera avslutet först under
        ”Avslut”.
      </p>
    );
  }
  if (open.due.length === 0) {
    return (
      <p>
        {open.next
          ? `Ingen uppföljning väntar nu. Uppföljningen ${followUpMarkLabel(open.next.months)} kan registreras från ${date(open.next.on)}.`
          : 'Alla uppföljningar efter avslutet är registrerade.'}
      </p>
    );
  }
  const submit = (body: z.output<typeof FollowUpForm>) =>
    record({ kind: 'follow-up', body }, keys.keyFor, 'Uppföljningen är sparad.');
  return (
    <Form
      form={form}
      onSubmit={submit}
      className="form form--wide"
      label="Uppföljning efter avslut"
    >
      <p className="hint">Deltagaren avslutades {date(exitedOn)}.</p>
      <RadioGroupField
        name="monthsAfterExit"
        legend="Uppföljning"
        choices={followUpMarkChoices(open.due)}
      />
      <TextField name="followedUpOn" label="Datum för uppföljningen" type="date" />
      <SelectField
        name="status"
        label="Vad gör personen nu?"
        choices={[PICK_ONE, ...choicesOf('followUpStatuses')]}
      />
      <IncomeSourceField name="incomeSource" label="Försörjning vid uppföljningen" />
      <SubmitButton pending="Sparar …">Spara uppföljningen</SubmitButton>
    </Form>
  );
}
