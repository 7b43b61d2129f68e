import { IsoDate, RecordSelfAssessmentBody, swedishDate } from '@stegvis/domain';
import { useId, useMemo, useState } from 'react';
import { z } from 'zod';
import { RadioGroupField, TextField } from '../../../forms/fields';
import { Form, SubmitButton } from '../../../forms/form';
import { useIdempotencyKey } from '../../../forms/idempotency';
import { useZodForm } from '../../../forms/use-zod-form';
import { choicesOf } from '../../../labels';
import { chosen, typedNumber } from '../form-values';
import { assessments, assessmentWarning, instrumentOf, type Fact } from '../journey';
import type { Instrument, Intervention } from '../participant-api';
import type { Recorder } from '../recorder';
import { useWarning, WarningNotice } from '../warning';

/** One optional whole number per item, on the item's scale, as the domain will check it. */
function assessmentForm(instrument: Instrument) {
  const scores = z.object(
    Object.fromEntries(
      instrument.items.map((item) => [
        item.key,
        typedNumber(
          z
            .number({
              error: `Ange ett heltal mellan ${item.min} och ${item.max}, eller lämna tomt.`,
            })
            .int(`Ange ett heltal mellan ${item.min} och ${item.max}.`)
            .min(item.min, `Ange ett heltal mellan ${item.min} och ${item.max}.`)
            .max(item.max, `Ange ett heltal mellan ${item.min} och ${item.max}.`)
            .optional(),
        ),
      ]),
    ),
  );
  return z.object({
    phase: chosen(RecordSelfAssessmentBody.shape.phase, 'Välj tillfälle.'),
    assessedOn: IsoDate,
    scores,
  });
}

/** "Självskattning": one input per item of the instrument, with its Swedish label and scale. */
export function AssessmentForm({
  facts,
  intervention,
  record,
}: {
  readonly facts: readonly Fact[];
  readonly intervention: Intervention;
  readonly record: Recorder;
}) {
  const { instruments } = intervention;
  const [chosenKey, setChosenKey] = useState(instruments[0]?.key ?? '');
  const selectId = useId();
  const instrument = instrumentOf(intervention, chosenKey) ?? instruments[0];
  if (!instrument) return <p>Insatsen har inget självskattningsformulär.</p>;
  return (
    <>
      {instruments.length > 1 ? (
        <div className="field">
          <label htmlFor={selectId}>Formulär</label>
          <select
            id={selectId}
            value={instrument.key}
            onChange={(event) => setChosenKey(event.target.value)}
          >
            {instruments.map((i) => (
              <option key={i.key} value={i.key}>
                {i.label}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="hint">Formulär: {instrument.label}</p>
      )}
      <InstrumentForm key={instrument.key} facts={facts} instrument={instrument} record={record} />
    </>
  );
}

function InstrumentForm({
  facts,
  instrument,
  record,
}: {
  readonly facts: readonly Fact[];
  readonly instrument: Instrument;
  readonly record: Recorder;
}) {
  const hasStart = assessments(facts).some(
    (a) => a.data.phase === 'start' && a.data.instrument === instrument.key,
  );
  const schema = useMemo(() => assessmentForm(instrument), [instrument]);
  const form = useZodForm(schema, {
    defaultValues: {
      phase: hasStart ? 'exit' : 'start',
      assessedOn: swedishDate(new Date()),
      scores: Object.fromEntries(instrument.items.map((item) => [item.key, ''])),
    },
  });
  const keys = useIdempotencyKey();
  const warning = useWarning();

  const submit = async (values: z.output<ReturnType<typeof assessmentForm>>) => {
    const scores = Object.fromEntries(
      Object.entries(values.scores).filter(
        (entry): entry is [string, number] => entry[1] !== undefined,
      ),
    );
    if (Object.keys(scores).length === 0) {
      form.setError('root.server', {
        type: 'client',
        message: 'Ange ett värde för minst en fråga.',
      });
      return;
    }
    // The domain's own body schema, as the API will check it.
    const body = RecordSelfAssessmentBody.parse({
      instrument: instrument.key,
      phase: values.phase,
      assessedOn: values.assessedOn,
      scores,
    });
    if (!warning.accepted(assessmentWarning(facts, instrument, values.phase, values.scores)))
      return;
    await record({ kind: 'self-assessment', body }, keys.keyFor, 'Självskattningen är sparad.');
  };

  return (
    <Form form={form} onSubmit={submit} className="form form--wide" label="Självskattning">
      <div className="form__row">
        <RadioGroupField name="phase" legend="Tillfälle" choices={choicesOf('assessmentPhases')} />
        <TextField name="assessedOn" label="Datum för självskattningen" type="date" />
      </div>
      <fieldset className="form__section">
        <legend>Deltagarens skattning</legend>
        <div className="scores">
          {instrument.items.map((item) => (
            <TextField
              key={item.key}
              name={`scores.${item.key}`}
              label={item.label}
              hint={`${item.min}–${item.max}`}
              type="number"
              inputMode="numeric"
              min={item.min}
              max={item.max}
              step={1}
            />
          ))}
        </div>
      </fieldset>
      <WarningNotice warning={warning.shown} />
      <SubmitButton pending="Sparar …">
        {warning.shown ? 'Spara ändå' : 'Spara självskattningen'}
      </SubmitButton>
    </Form>
  );
}
