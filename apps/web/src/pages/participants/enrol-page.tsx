import { EnrolParticipantBody, InterventionId, swedishDate } from '@stegvis/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { ApiErrorView } from '../../frame/api-error-view';
import { Page } from '../../frame/page';
import { LoadingPage } from '../../frame/status-pages';
import { RadioGroupField, SelectField, TextField } from '../../forms/fields';
import { Form, SubmitButton } from '../../forms/form';
import { useIdempotencyKey } from '../../forms/idempotency';
import { useZodForm } from '../../forms/use-zod-form';
import { useMe } from '../../session/session-context';
import { useLoad } from '../../use-load';
import {
  EDUCATION_CHOICES,
  GENDER_CHOICES,
  INCOME_SOURCE_CHOICES,
  PICK_ONE,
  REFERRING_PARTY_CHOICES,
  SUPPORT_DURATION_CHOICES,
} from './choices';
import { EnrolledView } from './enrolled-view';
import { chosen, typedNumber } from './form-values';
import { enrollable, myInterventions } from './my-interventions';
import { enrolParticipant, type Intervention } from './participant-api';
import './participants.css';

const { shape } = EnrolParticipantBody;

/** The enrolment body of the domain, as the form's controls give it, plus the insats. */
const EnrolForm = EnrolParticipantBody.extend({
  interventionId: chosen(InterventionId, 'Välj insats.'),
  gender: chosen(shape.gender, 'Välj kön.'),
  birthYear: typedNumber(shape.birthYear),
  referringParty: chosen(shape.referringParty, 'Välj aktualiserande part.'),
  incomeSource: chosen(shape.incomeSource, 'Välj försörjning vid inskrivning.'),
  educationLevel: chosen(shape.educationLevel, 'Välj utbildningsnivå.'),
  supportDurationBefore: chosen(
    shape.supportDurationBefore,
    'Välj tid med offentlig försörjning före insatsen.',
  ),
  // v1.1 (DESIGN §3, the participant-outcomes work): `referredOn` ("Aktualiseringsdatum") and
  // `assignment` ("Uppdrag") join here from EnrolParticipantBody once the domain has them.
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
            {/* v1.1: "Aktualiseringsdatum" (referredOn) goes here. */}
          </div>
        </fieldset>
        <fieldset className="form__section">
          <legend>Deltagaren</legend>
          <RadioGroupField name="gender" legend="Kön" choices={GENDER_CHOICES} />
          <TextField
            name="birthYear"
            label="Födelseår"
            hint="Fyra siffror, till exempel 1989."
            inputMode="numeric"
            autoComplete="off"
          />
        </fieldset>
        <fieldset className="form__section">
          <legend>Vid inskrivningen</legend>
          <SelectField
            name="referringParty"
            label="Aktualiserande part"
            choices={[PICK_ONE, ...REFERRING_PARTY_CHOICES]}
          />
          <SelectField
            name="incomeSource"
            label="Försörjning vid inskrivning"
            choices={[PICK_ONE, ...INCOME_SOURCE_CHOICES]}
          />
          <SelectField
            name="educationLevel"
            label="Utbildningsnivå"
            choices={[PICK_ONE, ...EDUCATION_CHOICES]}
          />
          <SelectField
            name="supportDurationBefore"
            label="Tid med offentlig försörjning före insatsen"
            choices={[PICK_ONE, ...SUPPORT_DURATION_CHOICES]}
          />
          {/* v1.1: "Uppdrag" (assignment.aim) goes here. */}
        </fieldset>
        <SubmitButton pending="Skriver in …">Skriv in</SubmitButton>
      </Form>
      <p>
        <Link to="/deltagare">Tillbaka till deltagarna</Link>
      </p>
    </Page>
  );
}
