import { InterventionId, RecordAttendanceBody, swedishDate } from '@stegvis/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { ApiErrorView } from '../../frame/api-error-view';
import { Page } from '../../frame/page';
import { LoadingPage } from '../../frame/status-pages';
import { SelectField, TextField } from '../../forms/fields';
import { Form, SubmitButton } from '../../forms/form';
import { useIdempotencyKey } from '../../forms/idempotency';
import { useZodForm } from '../../forms/use-zod-form';
import { count, date } from '../../format';
import { useMe } from '../../session/session-context';
import { useLoad } from '../../use-load';
import { Table } from '../report/table';
import { chosen, typedNumber } from './form-values';
import { myInterventions } from './my-interventions';
import {
  fetchAttendance,
  recordAttendance,
  type AttendanceList,
  type Intervention,
} from './participant-api';
import './participants.css';

const { shape } = RecordAttendanceBody;

/** The head counts as typed; then the domain's body schema as a whole (not all three 0). */
const AttendanceForm = z
  .object({
    interventionId: chosen(InterventionId, 'Välj insats.'),
    occurredOn: shape.occurredOn,
    women: typedNumber(shape.women),
    men: typedNumber(shape.men),
    other: typedNumber(shape.other),
  })
  .superRefine(({ interventionId, ...body }, ctx) => {
    void interventionId;
    const checked = RecordAttendanceBody.safeParse(body);
    if (checked.success) return;
    for (const issue of checked.error.issues) {
      ctx.addIssue({
        code: 'custom',
        path: issue.path.length > 0 ? issue.path : ['women'],
        message: issue.message,
      });
    }
  });
type AttendanceValues = z.input<typeof AttendanceForm>;

const thisYear = () => Number(swedishDate(new Date()).slice(0, 4));

/**
 * /deltagare/narvaro: head counts for structural insatser and volume activities (Psykeveckan,
 * trainings), which have no individual participants; one form and the year's list.
 */
export default function AttendancePage() {
  const me = useMe();
  const { state, reload } = useLoad(`insatser/${me.userId}`, () => myInterventions(me));
  if (state.status === 'loading') return <LoadingPage title="Antal deltagare" />;
  if (state.status === 'failed') return <ApiErrorView error={state.error} onRetry={reload} />;
  const structural = state.data.filter((i) => i.kind === 'structural');
  if (structural.length === 0) {
    return (
      <Page title="Antal deltagare">
        <p>Du arbetar inte i någon strukturinriktad insats.</p>
        <p>
          <Link to="/deltagare">Tillbaka till deltagarna</Link>
        </p>
      </Page>
    );
  }
  return <Attendance interventions={structural} />;
}

function Attendance({ interventions }: { readonly interventions: readonly Intervention[] }) {
  const blank = (interventionId: string): AttendanceValues => ({
    interventionId,
    occurredOn: swedishDate(new Date()),
    women: '',
    men: '',
    other: '',
  });
  const only = interventions.length === 1 ? (interventions[0]?.interventionId ?? '') : '';
  const form = useZodForm(AttendanceForm, { defaultValues: blank(only) });
  const keys = useIdempotencyKey();
  const [said, setSaid] = useState('');
  const [version, setVersion] = useState(0);
  const chosenId = form.watch('interventionId') || (interventions[0]?.interventionId ?? '');
  const year = thisYear();
  const list = useLoad(`narvaro/${chosenId}/${year}/${version}`, (signal) =>
    fetchAttendance(chosenId, year, signal),
  );

  const submit = async ({ interventionId, ...body }: z.output<typeof AttendanceForm>) => {
    await recordAttendance(interventionId, body, {
      idempotencyKey: keys.keyFor({ interventionId, ...body }),
    });
    const total = body.women + body.men + body.other;
    setSaid(`${count(total)} deltagare ${date(body.occurredOn)} är sparade.`);
    form.reset(blank(interventionId));
    setVersion((v) => v + 1);
  };

  return (
    <Page
      title="Antal deltagare"
      lead="För strukturinriktade insatser och volymaktiviteter registreras bara hur många som deltog, efter kön."
    >
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
      {said ? (
        <p className="notice notice--info" aria-hidden="true">
          {said}
        </p>
      ) : null}
      <Form
        form={form}
        onSubmit={submit}
        className="form form--wide"
        label="Registrera antal deltagare"
      >
        <fieldset className="form__section">
          <legend>Registrera antal deltagare</legend>
          <div className="form__row">
            <SelectField
              name="interventionId"
              label="Insats"
              choices={[
                ...(interventions.length === 1 ? [] : [{ value: '', label: 'Välj …' }]),
                ...interventions.map((i) => ({ value: i.interventionId, label: i.name })),
              ]}
            />
            <TextField name="occurredOn" label="Datum" type="date" />
          </div>
          <div className="form__row">
            <TextField
              name="women"
              label="Kvinnor"
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
            />
            <TextField name="men" label="Män" type="number" inputMode="numeric" min={0} step={1} />
            <TextField
              name="other"
              label="Annat/vill ej ange"
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
            />
          </div>
        </fieldset>
        <SubmitButton pending="Sparar …">Spara antalet</SubmitButton>
      </Form>
      <section className="block" aria-labelledby="year-heading">
        <h2 id="year-heading">Registrerat {year}</h2>
        {list.state.status === 'failed' ? (
          <ApiErrorView error={list.state.error} onRetry={list.reload} />
        ) : list.state.status === 'ready' ? (
          <YearList list={list.state.data} />
        ) : (
          <p className="status" role="status">
            Hämtar …
          </p>
        )}
      </section>
      <p>
        <Link to="/deltagare">Tillbaka till deltagarna</Link>
      </p>
    </Page>
  );
}

function YearList({ list }: { readonly list: AttendanceList }) {
  if (list.items.length === 0) return <p>Inget registrerat ännu i år.</p>;
  const { total } = list;
  return (
    <Table
      caption={`Antal deltagare ${list.year}`}
      columns={[
        { label: 'Datum' },
        { label: 'Kvinnor', numeric: true },
        { label: 'Män', numeric: true },
        { label: 'Annat', numeric: true },
        { label: 'Totalt', numeric: true },
      ]}
      footer={
        <tr>
          <th scope="row">Hela året</th>
          <td className="num">{count(total.women)}</td>
          <td className="num">{count(total.men)}</td>
          <td className="num">{count(total.other)}</td>
          <td className="num">{count(total.total)}</td>
        </tr>
      }
    >
      {list.items.map((item) => (
        <tr key={item.eventId}>
          <th scope="row">{date(item.occurredOn)}</th>
          <td className="num">{count(item.women)}</td>
          <td className="num">{count(item.men)}</td>
          <td className="num">{count(item.other)}</td>
          <td className="num">{count(item.women + item.men + item.other)}</td>
        </tr>
      ))}
    </Table>
  );
}
