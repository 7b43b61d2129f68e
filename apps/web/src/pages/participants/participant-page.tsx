import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { ApiErrorView } from '../../frame/api-error-view';
import { Page } from '../../frame/page';
import { LoadingPage } from '../../frame/status-pages';
import { date } from '../../format';
import { useMe } from '../../session/session-context';
import { useLoad } from '../../use-load';
import { assignmentAimLabel } from '../../labels';
import { ageGroupAt, currentEnrolment } from './enrolment';
import { AssessmentForm } from './entry-forms/assessment-form';
import { EnrolmentCorrectionForm } from './entry-forms/correction-form';
import { FollowUpEntryForm } from './entry-forms/follow-up-form';
import { ParticipantExitForm } from './entry-forms/exit-form';
import { RetractionEntryForm } from './entry-forms/retraction-form';
import { SatisfactionAnswerForm } from './entry-forms/satisfaction-form';
import { ProgressionStepForm } from './entry-forms/step-form';
import {
  changedSince,
  factsOf,
  instrumentOf,
  retractableChoices,
  standingExit,
  startAndLatest,
  timeline,
} from './journey';
import { myInterventions } from './my-interventions';
import {
  fetchIntervention,
  fetchParticipant,
  writeParticipant,
  type Intervention,
  type ParticipantHistory,
} from './participant-api';
import type { Recorder } from './recorder';
import { SpiderChart } from './spider-chart';
import { TimelineView } from './timeline-view';
import './participants.css';

const FORMS = [
  { key: 'assessment', label: 'Självskattning' },
  { key: 'step', label: 'Steg på stegen' },
  { key: 'satisfaction', label: 'Nöjdhet' },
  { key: 'exit', label: 'Avslut' },
  { key: 'follow-up', label: 'Uppföljning efter avslut' },
  { key: 'correction', label: 'Rätta inskrivningen' },
  { key: 'retraction', label: 'Ta tillbaka' },
] as const;
type FormKey = (typeof FORMS)[number]['key'];

/** /deltagare/:pid (DESIGN §8): the journey as a timeline, and one form at a time. */
export default function ParticipantPage() {
  const { pid = '' } = useParams();
  const me = useMe();
  const { state, reload } = useLoad(`deltagare/${pid}`, async (signal) => {
    const history = await fetchParticipant(pid, signal);
    const known = (await myInterventions(me)).find(
      (i) => i.interventionId === history.interventionId,
    );
    return {
      history,
      intervention: known ?? (await fetchIntervention(history.interventionId, signal)),
    };
  });
  if (state.status === 'loading') return <LoadingPage title={`Deltagare ${pid}`} />;
  if (state.status === 'failed') return <ApiErrorView error={state.error} onRetry={reload} />;
  return (
    <Participant key={pid} loaded={state.data.history} intervention={state.data.intervention} />
  );
}

function Participant({
  loaded,
  intervention,
}: {
  readonly loaded: ParticipantHistory;
  readonly intervention: Intervention;
}) {
  const [history, setHistory] = useState(loaded);
  const [open, setOpen] = useState<FormKey | null>(null);
  const [said, setSaid] = useState('');
  const sending = useRef(false);
  const pid = history.participantId;
  const facts = factsOf(history);
  const exit = standingExit(facts);
  const enrolment = currentEnrolment(facts);

  const record: Recorder = useCallback(
    async (write, keyFor, saved) => {
      // A second click while the first is on its way sends nothing (its key would be the same).
      if (sending.current) return;
      sending.current = true;
      try {
        await writeParticipant(pid, write, {
          idempotencyKey: keyFor({ kind: write.kind, body: write.body }),
          revision: history.revision,
        });
        setHistory(await fetchParticipant(pid));
        setOpen(null);
        setSaid(saved);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          const now = await fetchParticipant(pid);
          const changes = changedSince(history, now, intervention);
          setHistory(now);
          throw new ApiError(
            'problem',
            409,
            `Någon annan har ändrat deltagaren sedan du öppnade sidan${changes.length > 0 ? `: ${changes.join('; ')}` : ''}. Sidan visar nu det senaste. Kontrollera att det du vill spara fortfarande stämmer och spara igen.`,
            error.code,
            [],
          );
        }
        throw error;
      } finally {
        sending.current = false;
      }
    },
    [pid, history, intervention],
  );

  const pair = startAndLatest(facts);
  const chartInstrument = pair && instrumentOf(intervention, pair.start.data.instrument);

  return (
    <Page title={`Deltagare ${pid}`} heading={`Deltagare ${pid}`}>
      <dl className="facts-inline">
        <div>
          <dt>Insats</dt>
          <dd>{intervention.name}</dd>
        </div>
        <div>
          <dt>Inskriven</dt>
          <dd>{date(history.enrolledOn)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{history.exitedOn ? `Avslutad ${date(history.exitedOn)}` : 'Pågår'}</dd>
        </div>
        {enrolment ? (
          <>
            <div>
              <dt>Åldersgrupp</dt>
              <dd>{ageGroupAt(enrolment)}</dd>
            </div>
            <div>
              <dt>Uppdrag</dt>
              <dd>
                {enrolment.assignment ? assignmentAimLabel(enrolment.assignment.aim) : 'Inget'}
              </dd>
            </div>
          </>
        ) : null}
      </dl>
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
      <div className="participant">
        <section className="panel" aria-labelledby="register-heading">
          <h2 id="register-heading">Registrera</h2>
          <ul className="form-picker">
            {FORMS.map((f) => (
              <li key={f.key}>
                <button
                  type="button"
                  className="button"
                  aria-pressed={open === f.key}
                  onClick={() => {
                    setSaid('');
                    setOpen(open === f.key ? null : f.key);
                  }}
                >
                  {f.label}
                </button>
              </li>
            ))}
          </ul>
          {said && open === null ? (
            <p className="notice notice--info" aria-hidden="true">
              {said}
            </p>
          ) : null}
          {open === null ? null : (
            <div className="entry-form">
              <h3>{FORMS.find((f) => f.key === open)?.label}</h3>
              {open === 'assessment' ? (
                <AssessmentForm facts={facts} intervention={intervention} record={record} />
              ) : null}
              {open === 'step' ? (
                <ProgressionStepForm intervention={intervention} record={record} />
              ) : null}
              {open === 'satisfaction' ? (
                <SatisfactionAnswerForm facts={facts} record={record} />
              ) : null}
              {open === 'exit' ? (
                exit ? (
                  <p>
                    Deltagaren avslutades {date(exit.data.exitedOn)}. Var avslutet fel, ta tillbaka
                    det först under ”Ta tillbaka”.
                  </p>
                ) : (
                  <ParticipantExitForm record={record} assignment={enrolment?.assignment} />
                )
              ) : null}
              {open === 'follow-up' ? (
                <FollowUpEntryForm facts={facts} exitedOn={exit?.data.exitedOn} record={record} />
              ) : null}
              {open === 'correction' && enrolment ? (
                <EnrolmentCorrectionForm current={enrolment} record={record} />
              ) : null}
              {open === 'retraction' ? (
                <RetractionEntryForm
                  entries={retractableChoices(history, intervention)}
                  record={record}
                />
              ) : null}
            </div>
          )}
        </section>
        <div>
          <section className="panel" aria-labelledby="spider-heading">
            <h2 id="spider-heading">Självskattning</h2>
            {pair && chartInstrument ? (
              <SpiderChart instrument={chartInstrument} start={pair.start} latest={pair.latest} />
            ) : (
              <p className="hint">
                Ingen startskattning ännu. När den är registrerad visas den här, jämförd med den
                senaste.
              </p>
            )}
          </section>
          <section className="block" aria-labelledby="journey-heading">
            <h2 id="journey-heading">Historik</h2>
            <TimelineView entries={timeline(history, intervention)} />
          </section>
        </div>
      </div>
      <p>
        <Link to="/deltagare">Tillbaka till deltagarna</Link>
      </p>
    </Page>
  );
}
