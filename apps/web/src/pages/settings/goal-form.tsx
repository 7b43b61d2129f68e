import type { Goal } from '@stegvis/domain';
import { useFormContext } from 'react-hook-form';
import { RadioGroupField, SelectField, TextField } from '../../forms/fields';
import { Form, SubmitButton } from '../../forms/form';
import { useZodForm } from '../../forms/use-zod-form';
import { choicesOf, followUpMarkChoices, progressionRuleLabel } from '../../labels';
import { PICK_ONE } from '../participants/choices';
import { GOAL_EXPLANATIONS } from './goal-explanations';
import { blankGoal, goalForm, type GoalValues } from './goal-form-values';
import { CheckboxGroupField } from './settings-fields';
import type { InstrumentView } from './settings-api';

const PERCENT_HINT = 'I procent, till exempel 80.';

/** "Lägg till ett mål": the kind first, then only the values that kind needs, explained. */
export function GoalForm({
  year,
  taken,
  instruments,
  onAdd,
}: {
  readonly year: number;
  readonly taken: readonly string[];
  readonly instruments: readonly InstrumentView[];
  readonly onAdd: (goal: Goal) => Promise<void>;
}) {
  const form = useZodForm(goalForm(taken), { defaultValues: blankGoal() });
  const kind = form.watch('kind');
  return (
    <Form
      form={form}
      className="form form--wide"
      label={`Lägg till ett mål för ${year}`}
      onSubmit={async (goal) => {
        await onAdd(goal);
        form.reset(blankGoal());
      }}
    >
      <fieldset className="form__section">
        <legend>Nytt mål för {year}</legend>
        <SelectField
          name="kind"
          label="Typ av mål"
          hint={
            kind in GOAL_EXPLANATIONS
              ? GOAL_EXPLANATIONS[kind as Goal['kind']]
              : 'Välj vad målet ska mäta; förklaringen visas här.'
          }
          choices={[PICK_ONE, ...choicesOf('goalKinds')]}
        />
        {kind === '' ? null : (
          <>
            <div className="form__row">
              <TextField
                name="label"
                label="Målets namn"
                hint="Som det ska stå i rapporten, till exempel Nöjda deltagare."
              />
              <TextField
                name="id"
                label="Nyckel"
                hint="Frivillig: a–z, 0–9, _ och -. Lämnas den tom bildas den av namnet."
              />
            </div>
            <KindFields kind={kind as Goal['kind']} instruments={instruments} />
          </>
        )}
      </fieldset>
      <SubmitButton pending="Sparar …">Lägg till målet</SubmitButton>
    </Form>
  );
}

function Target() {
  return <TextField name="target" label="Målvärde (%)" hint={PERCENT_HINT} inputMode="decimal" />;
}

function KindFields({
  kind,
  instruments,
}: {
  readonly kind: Goal['kind'];
  readonly instruments: readonly InstrumentView[];
}) {
  const { watch } = useFormContext<GoalValues>();
  switch (kind) {
    case 'outcomeShare':
      return (
        <>
          <CheckboxGroupField
            name="outcomes"
            legend="Avslutade till"
            hint="Kryssa i de avslutsorsaker som räknas, till exempel Arbete och Studier för egen försörjning."
            choices={choicesOf('outcomes')}
          />
          <CheckboxGroupField
            name="aims"
            legend="Räkna bara avslutade med uppdraget (frivilligt)"
            hint="Lämna tomt för att räkna alla avslutade."
            choices={choicesOf('assignmentAims')}
          />
          <Target />
        </>
      );
    case 'positiveProgressShare':
      return (
        <>
          <RadioGroupField
            name="source"
            legend="Mätt med"
            choices={[
              { value: 'selfAssessment', label: 'Självskattningen' },
              { value: 'ladder', label: 'Stegtrappan' },
            ]}
          />
          {watch('source') === 'selfAssessment' ? (
            <SelectField
              name="rule"
              label="Vad räknas som en förflyttning?"
              choices={[
                { value: '', label: `${progressionRuleLabel('anyImproved')} (standard)` },
                ...choicesOf('progressionRules').filter((c) => c.value !== 'anyImproved'),
              ]}
            />
          ) : null}
          <Target />
        </>
      );
    case 'participantCount':
      return (
        <TextField
          name="min"
          label="Minst antal deltagare"
          hint="Ett heltal, till exempel 40."
          inputMode="numeric"
        />
      );
    case 'genderBalance':
      return (
        <TextField
          name="maxDeviation"
          label="Högsta skillnad (procentenheter)"
          hint="Till exempel 20: med 60 % kvinnor och 40 % män är skillnaden 20 procentenheter."
          inputMode="decimal"
        />
      );
    case 'itemShare':
      return (
        <>
          <SelectField
            name="question"
            label="Fråga"
            choices={[
              PICK_ONE,
              ...instruments.flatMap((instrument) =>
                instrument.items.map((item) => ({
                  value: `${instrument.key}/${item.key}`,
                  label: `${item.label} (${instrument.label}, ${item.min}–${item.max})`,
                })),
              ),
            ]}
          />
          <div className="form__row">
            <TextField name="atLeast" label="Lägsta svar som räknas" inputMode="numeric" />
            <SelectField name="phase" label="Vid" choices={choicesOf('assessmentPhases')} />
          </div>
          <Target />
        </>
      );
    case 'assignmentGoalShare':
      return (
        <>
          <CheckboxGroupField
            name="aims"
            legend="Uppdrag som räknas (frivilligt)"
            hint="Lämna tomt för att räkna alla uppdrag."
            choices={choicesOf('assignmentAims')}
          />
          <Target />
        </>
      );
    case 'followUpShare':
      return (
        <>
          <SelectField name="monthsAfterExit" label="Uppföljning" choices={followUpMarkChoices()} />
          <CheckboxGroupField
            name="statuses"
            legend="Sysselsättning som räknas"
            choices={choicesOf('followUpStatuses')}
          />
          <Target />
        </>
      );
    case 'satisfactionShare':
    case 'planAtExitShare':
      return <Target />;
  }
}
