import { EnrolParticipantBody, InterventionId, swedishDate } from '@stegvis/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { ApiErrorView } from '../../frame/api-error-view';
import { Page } from '../../frame/page';
import { LoadingPage } from '../../frame/status-pages';
import { SelectField, TextField } from '../../forms/fields';
import { Form, SubmitButton } from '../../forms/form';
import { useIdempotencyKey } from '../../forms/idempotency';
import { useZodForm } from '../../forms/use-zod-form';
import { useMe } from '../../session/session-context';
import { useLoad } from '../../use-load';
import { PICK_ONE } from './choices';
import { EnrolledView } from './enrolled-view';
import { AtEnrolmentFields, ParticipantFields, ReferredOnField } from './enrolment-fields';
import { chosen, enrolmentFields, incomeSourceAtStart } from './form-values';
import { enrollable, myInterventions } from './my-interventions';
import { enrolParticipant, type Intervention } from './participant-api';
import './participants.css';

/** The enrolment body of the domain, as the form's controls give it, plus the insats. */
const EnrolForm = EnrolParticipantBody.extend({
  interventionId: chosen(InterventionId, 'Välj insats.'),
  ...enrolmentFields,
  incomeSource: incomeSourceAtStart,
});
type EnrolValues = z.input<typeof EnrolForm>;

const blank = (interventions: readonly Intervention[]): EnrolValues => ({
  // The only insats a staff member has is chosen for them.
  interventionId: interventions.length === 1 ? (interventions[0]?.interventionId ?? '') : '',
  enrolledOn: swedishDate(new Date()),
  gender: '',
  birthYear: '',
  referringParty: '',
  incomeSource: '',
  educationLevel: '',
  supportDurationBefore: '',
  referredOn: '',
  assignment: { aim: '' },
});

/** /deltagare/ny (DESIGN §8): enrol a participant; then the new pseudonym, large. */
export default function EnrolPage() {
  const me = useMe();
  const { state, reload } = useLoad(`insatser/${me.userId}`, () => myInterventions(me));
  if (state.status === 'loading') return <LoadingPage title="Skriv in deltagare" />;
  if (state.status === 'failed') return <ApiErrorView error={state.error} onRetry={reload} />;
  return <Enrolment interventions={enrollable(state.data)} />;
}

function Enrolment({ interventions }: { readonly interventions: readonly Intervention[] }) {
  const form = useZodForm(EnrolForm, { defaultValues: blank(interventions) });
  const keys = useIdempotencyKey();
  const [enrolled, setEnrolled] = useState<{ pid: string; insats: string } | null>(null);

  if (interventions.length === 0) {
    return (
      <Page title="Skriv in deltagare">
        <p>
          Du arbetar inte i någon öppen individinriktad insats, så det finns ingen insats att skriva
          in deltagare i. Be förbundschefen lägga till dig i insatsen.
        </p>
      </Page>
    );
  }
  if (enrolled) {
    return (
      <EnrolledView
        pid={enrolled.pid}
        insats={enrolled.insats}
        onAnother={() => {
          keys.renew();
          form.reset(blank(interventions));
          setEnrolled(null);
        }}
      />
    );
  }

  const submit = async ({ interventionId, ...body }: z.output<typeof EnrolForm>) => {
    const answer = await enrolParticipant(interventionId, body, {
      idempotencyKey: keys.keyFor({ interventionId, ...body }),
    });
    const insats = interventions.find((i) => i.interventionId === interventionId)?.name ?? '';
    setEnrolled({ pid: answer.participantId, insats });
  };

  return (
    <Page
      title="Skriv in deltagare"
      lead="Deltagaren beskrivs bara med kön, födelseår och fasta kategorier. Skriv aldrig in namn eller personnummer."
    >
      <Form form={form} onSubmit={submit} className="form form--wide" label="Skriv in deltagare">
        <fieldset className="form__section">
          <legend>Insats och datum</legend>
          <div className="form__row">
            <SelectField
              name="interventionId"
              label="Insats"
              choices={[
                ...(interventions.length === 1 ? [] : [PICK_ONE]),
                ...interventions.map((i) => ({ value: i.interventionId, label: i.name })),
              ]}
            />
            <TextField name="enrolledOn" label="Inskrivningsdatum" type="date" />
            <ReferredOnField />
          </div>
        </fieldset>
        <fieldset className="form__section">
          <legend>Deltagaren</legend>
          <ParticipantFields />
        </fieldset>
        <fieldset className="form__section">
          <legend>Vid inskrivningen</legend>
          <AtEnrolmentFields incomeSource="incomeSource" />
        </fieldset>
        <SubmitButton pending="Skriver in …">Skriv in</SubmitButton>
      </Form>
      <p>
        <Link to="/deltagare">Tillbaka till deltagarna</Link>
      </p>
    </Page>
  );
}
