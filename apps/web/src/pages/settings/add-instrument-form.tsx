import { BUILT_IN_INSTRUMENTS } from '@stegvis/domain';
import { z } from 'zod';
import { SelectField } from '../../forms/fields';
import { Form, SubmitButton } from '../../forms/form';
import { useIdempotencyKey } from '../../forms/idempotency';
import { useZodForm } from '../../forms/use-zod-form';
import { PICK_ONE } from '../participants/choices';
import { addInstruments, type InstrumentView, type Intervention } from './settings-api';

const Choice = z.object({ key: z.string().min(1, 'Välj vilket formulär som ska läggas till.') });

/**
 * "Lägg till ett formulär": another questionnaire asked beside the insats's first, a built-in
 * one or one of the förbund's own; those already in use are not offered.
 */
export function AddInstrumentForm({
  intervention,
  own,
  onAdded,
}: {
  readonly intervention: Intervention;
  readonly own: readonly InstrumentView[];
  readonly onAdded: (message: string) => void;
}) {
  const form = useZodForm(Choice, { defaultValues: { key: '' } });
  const keys = useIdempotencyKey();
  const inUse = new Set(intervention.instruments.map((i) => i.key));
  const offered = [...Object.values(BUILT_IN_INSTRUMENTS), ...own].filter((i) => !inUse.has(i.key));
  if (offered.length === 0) return null;
  return (
    <Form
      form={form}
      label={`Lägg till ett formulär i ${intervention.name}`}
      onSubmit={async ({ key }) => {
        const instrument = offered.find((i) => i.key === key);
        if (!instrument) return;
        // A built-in questionnaire by its key; the förbund's own as a whole, as registered.
        const choice = key in BUILT_IN_INSTRUMENTS ? key : instrument;
        const body = { instruments: [choice] };
        await addInstruments(intervention.interventionId, body, keys.keyFor(body));
        onAdded(`${instrument.label} är tillagt i ${intervention.name}.`);
      }}
    >
      <SelectField
        name="key"
        label="Formulär att lägga till"
        hint="Frågas vid sidan av det första formuläret; förflyttningen räknas på det första."
        choices={[PICK_ONE, ...offered.map((i) => ({ value: i.key, label: i.label }))]}
      />
      <SubmitButton pending="Lägger till …">Lägg till formuläret</SubmitButton>
    </Form>
  );
}
