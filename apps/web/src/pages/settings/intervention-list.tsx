import { CloseInterventionBody, swedishDate } from '@stegvis/domain';
import { TextField } from '../../forms/fields';
import { Form, SubmitButton } from '../../forms/form';
import { useIdempotencyKey } from '../../forms/idempotency';
import { useZodForm } from '../../forms/use-zod-form';
import { date } from '../../format';
import { interventionKindLabel, partyLabel } from '../../labels';
import { AddInstrumentForm } from './add-instrument-form';
import { closeIntervention, type InstrumentView, type Intervention } from './settings-api';

const period = (i: Intervention) => {
  const end = i.closedOn ?? i.endsOn;
  return end ? `${date(i.startsOn)} – ${date(end)}` : `från ${date(i.startsOn)}`;
};

/** The förbund's insatser, open first, each with what it measures and a way to close it. */
export function InterventionList({
  interventions,
  own,
  onClosed,
  onChanged,
}: {
  readonly interventions: readonly Intervention[];
  readonly own: readonly InstrumentView[];
  readonly onClosed: (name: string) => void;
  readonly onChanged: (message: string) => void;
}) {
  if (interventions.length === 0) {
    return <p>Förbundet har inga insatser än. Registrera den första med formuläret nedan.</p>;
  }
  const sorted = [...interventions].sort(
    (a, b) => a.status.localeCompare(b.status, 'en') * -1 || a.name.localeCompare(b.name, 'sv'),
  );
  return (
    <ul className="interventions">
      {sorted.map((intervention) => (
        <li key={intervention.interventionId} className="intervention">
          <h3 className="intervention__name">
            {intervention.name} <StatusTag intervention={intervention} />
          </h3>
          <dl className="facts">
            <dt>Typ</dt>
            <dd>{interventionKindLabel(intervention.kind)}</dd>
            <dt>Parter</dt>
            <dd>{intervention.parties.map(partyLabel).join(', ')}</dd>
            <dt>Period</dt>
            <dd>{period(intervention)}</dd>
            {intervention.kind === 'individual' ? (
              <>
                <dt>Självskattning</dt>
                <dd>
                  {intervention.instruments.map((instrument) => (
                    <details key={instrument.key} className="instrument">
                      <summary>
                        {instrument.label}, {instrument.items.length} frågor
                      </summary>
                      <ul>
                        {instrument.items.map((item) => (
                          <li key={item.key}>
                            {item.label} ({item.min}–{item.max})
                          </li>
                        ))}
                      </ul>
                    </details>
                  ))}
                </dd>
                <dt>Stegtrappa</dt>
                <dd>
                  {intervention.ladder.label}, {intervention.ladder.levels.length} steg
                </dd>
              </>
            ) : null}
          </dl>
          {intervention.kind === 'individual' && intervention.status === 'open' ? (
            <details className="intervention__more">
              <summary>Lägg till ett formulär i {intervention.name}</summary>
              <AddInstrumentForm intervention={intervention} own={own} onAdded={onChanged} />
            </details>
          ) : null}
          {intervention.status === 'open' && intervention.closedOn === null ? (
            <details className="intervention__close">
              <summary>Avsluta {intervention.name}</summary>
              <CloseForm intervention={intervention} onClosed={onClosed} />
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Open, closing on a day already chosen, or closed. */
function StatusTag({ intervention }: { readonly intervention: Intervention }) {
  if (intervention.status === 'closed') return <span className="tag tag--closed">Avslutad</span>;
  return (
    <span className="tag tag--open">
      {intervention.closedOn === null ? 'Pågår' : `Pågår till ${date(intervention.closedOn)}`}
    </span>
  );
}

function CloseForm({
  intervention,
  onClosed,
}: {
  readonly intervention: Intervention;
  readonly onClosed: (name: string) => void;
}) {
  const form = useZodForm(CloseInterventionBody, {
    defaultValues: { closedOn: swedishDate(new Date()) },
  });
  const keys = useIdempotencyKey();
  return (
    <Form
      form={form}
      label={`Avsluta ${intervention.name}`}
      onSubmit={async (body) => {
        await closeIntervention(intervention.interventionId, body, keys.keyFor(body));
        onClosed(intervention.name);
      }}
    >
      <TextField
        name="closedOn"
        label="Sista dag"
        type="date"
        hint="Efter den dagen kan inga deltagare skrivas in. Det som redan är registrerat finns kvar i rapporterna."
      />
      <SubmitButton pending="Avslutar …">Avsluta insatsen</SubmitButton>
    </Form>
  );
}
