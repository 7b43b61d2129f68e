import { DEFAULT_LADDER, STEGVIS_5 } from '@stegvis/domain';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { RadioGroupField, SelectField, TextField } from '../../forms/fields';
import { Form, SubmitButton } from '../../forms/form';
import { useIdempotencyKey } from '../../forms/idempotency';
import { useZodForm } from '../../forms/use-zod-form';
import { choicesOf } from '../../labels';
import {
  blankIntervention,
  blankItem,
  instrumentChoices,
  interventionForm,
  NEW_INSTRUMENT,
  type InterventionValues,
} from './intervention-form-values';
import { CheckboxGroupField, GroupError } from './settings-fields';
import { registerIntervention, type InstrumentView } from './settings-api';

const KEY_HINT = 'Små bokstäver a–z, siffror, _ och -, till exempel motivation.';

/** "Registrera en insats": name, kind, parties, dates, and for individual insatser the forms. */
export function InterventionForm({
  associationId,
  own,
  onRegistered,
}: {
  readonly associationId: string;
  readonly own: readonly InstrumentView[];
  readonly onRegistered: (name: string) => void;
}) {
  const form = useZodForm(interventionForm(own), { defaultValues: blankIntervention() });
  const keys = useIdempotencyKey();
  const individual = form.watch('kind') === 'individual';

  return (
    <Form
      form={form}
      className="form form--wide"
      label="Registrera en insats"
      onSubmit={async (body) => {
        await registerIntervention(associationId, body, keys.keyFor(body));
        keys.renew();
        form.reset(blankIntervention());
        onRegistered(body.name);
      }}
    >
      <fieldset className="form__section">
        <legend>Insatsen</legend>
        <TextField name="name" label="Namn" hint="Insatsens namn som det står i rapporterna." />
        <RadioGroupField
          name="kind"
          legend="Typ av insats"
          choices={choicesOf('interventionKinds')}
        />
        <CheckboxGroupField
          name="parties"
          legend="Parter"
          hint="Kryssa i de parter som står bakom insatsen."
          choices={choicesOf('parties')}
        />
        <div className="form__row">
          <TextField name="startsOn" label="Startdatum" type="date" />
          <TextField
            name="endsOn"
            label="Slutdatum"
            type="date"
            hint="Lämna tomt om insatsen inte har något bestämt slut."
          />
        </div>
      </fieldset>
      {individual ? <InstrumentSection own={own} /> : null}
      {individual ? <LadderSection /> : null}
      <SubmitButton pending="Registrerar …">Registrera insatsen</SubmitButton>
    </Form>
  );
}

function InstrumentSection({ own }: { readonly own: readonly InstrumentView[] }) {
  const { watch, control } = useFormContext<InterventionValues>();
  const items = useFieldArray({ control, name: 'instrument.items' });
  const building = watch('instrumentChoice') === NEW_INSTRUMENT;
  return (
    <fieldset className="form__section">
      <legend>Självskattning</legend>
      <SelectField
        name="instrumentChoice"
        label="Formulär för självskattning"
        hint={`Deltagarna skattar sig vid start och avslut. Standard är ${STEGVIS_5.label.toLowerCase()}, 1–10.`}
        choices={instrumentChoices(own)}
      />
      <GroupError name="instrument" />
      {building ? (
        <div className="builder">
          <div className="form__row">
            <TextField name="instrument.label" label="Formulärets namn" />
            <TextField name="instrument.key" label="Formulärets nyckel" hint={KEY_HINT} />
          </div>
          <GroupError name="instrument.items" />
          <ol className="builder__list">
            {items.fields.map((field, index) => (
              <li key={field.id} className="builder__item">
                <fieldset className="builder__group">
                  <legend>Fråga {index + 1}</legend>
                  <div className="form__row">
                    <TextField name={`instrument.items.${index}.label`} label="Frågans text" />
                    <TextField name={`instrument.items.${index}.key`} label="Frågans nyckel" />
                    <TextField
                      name={`instrument.items.${index}.min`}
                      label="Lägsta värde"
                      inputMode="numeric"
                    />
                    <TextField
                      name={`instrument.items.${index}.max`}
                      label="Högsta värde"
                      inputMode="numeric"
                    />
                  </div>
                  {items.fields.length > 1 ? (
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => items.remove(index)}
                    >
                      Ta bort fråga {index + 1}
                    </button>
                  ) : null}
                </fieldset>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => items.append(blankItem())}
          >
            Lägg till en fråga
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}

function LadderSection() {
  const { watch, control } = useFormContext<InterventionValues>();
  const levels = useFieldArray({ control, name: 'ladder.levels' });
  const own = watch('ladderChoice') === 'egen';
  return (
    <fieldset className="form__section">
      <legend>Stegtrappa</legend>
      <RadioGroupField
        name="ladderChoice"
        legend="Vilken stegtrappa mäter deltagarnas steg mot arbete?"
        choices={[
          {
            value: 'standard',
            label: `${DEFAULT_LADDER.label}, standard`,
            hint: `${DEFAULT_LADDER.levels.length} steg, från "${DEFAULT_LADDER.levels[0]?.label}" till "${DEFAULT_LADDER.levels.at(-1)?.label}".`,
          },
          { value: 'egen', label: 'En egen stegtrappa' },
        ]}
      />
      {own ? (
        <div className="builder">
          <div className="form__row">
            <TextField name="ladder.label" label="Stegtrappans namn" />
            <TextField name="ladder.key" label="Stegtrappans nyckel" hint={KEY_HINT} />
          </div>
          <GroupError name="ladder.levels" />
          <ol className="builder__list">
            {levels.fields.map((field, index) => (
              <li key={field.id} className="builder__item builder__item--inline">
                <TextField name={`ladder.levels.${index}.label`} label={`Steg ${index + 1}`} />
                {levels.fields.length > 2 ? (
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => levels.remove(index)}
                  >
                    Ta bort steg {index + 1}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => levels.append({ label: '' })}
          >
            Lägg till ett steg
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
