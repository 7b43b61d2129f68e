import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorView } from '../../frame/api-error-view';
import { Page } from '../../frame/page';
import { PAGES } from '../../frame/pages';
import { LoadingPage } from '../../frame/status-pages';
import { useMe } from '../../session/session-context';
import { useLoad } from '../../use-load';
import { GoalsSection } from './goals-section';
import { ownInstruments } from './intervention-form-values';
import { InterventionForm } from './intervention-form';
import { InterventionList } from './intervention-list';
import { RegisterAssociationForm } from './register-association-form';
import { fetchSettings, goalScope, type Settings } from './settings-api';
import '../participants/participants.css';
import './settings.css';

const TITLE = 'Inställningar';

type Section = 'insatser' | 'mal';

/** /installningar (DESIGN §8): the chief configures the förbund's insatser and goals. */
export default function SettingsPage() {
  const me = useMe();
  const [year, setYear] = useState(new Date().getFullYear());
  // '' is the whole förbund; otherwise the insats whose own goals are shown.
  const [goalsOf, setGoalsOf] = useState('');
  const [changes, setChanges] = useState(0);
  const aid = me.associationId;
  const { state, reload } = useLoad(`${aid}/${goalsOf}/${year}/${changes}`, (signal) =>
    aid === null
      ? Promise.reject(new Error('no association'))
      : fetchSettings(aid, goalScope(aid, goalsOf), year, signal),
  );
  // Said in the section where the change was made, where the chief is looking.
  const [notice, setNotice] = useState<{ section: Section; message: string } | null>(null);

  if (aid === null) {
    return (
      <Page title={TITLE}>
        <p>
          Som administratör registrerar du förbund och bjuder in deras förbundschefer. Insatser och
          mål ställs in av förbundets förbundschef, inloggad i sitt förbund.
        </p>
        <p>
          <Link to={PAGES.users.path}>Hantera användare och inbjudningar</Link>
        </p>
        <section className="panel" aria-labelledby="association-heading">
          <h2 id="association-heading">Registrera ett förbund</h2>
          <RegisterAssociationForm />
        </section>
      </Page>
    );
  }
  const loaded: Settings | undefined =
    state.status === 'ready' ? state.data : state.status === 'loading' ? state.previous : undefined;
  if (state.status === 'failed') return <ApiErrorView error={state.error} onRetry={reload} />;
  if (loaded === undefined) return <LoadingPage title={TITLE} />;

  const changed = (section: Section) => (message: string) => {
    setNotice({ section, message });
    setChanges((n) => n + 1);
  };
  const noticeIn = (section: Section) =>
    notice?.section === section ? (
      <div className="notice notice--info section-notice" role="status">
        {notice.message}
      </div>
    ) : null;
  const own = ownInstruments(loaded.interventions);
  const insats = loaded.interventions.find((i) => i.interventionId === goalsOf);
  const instruments = [
    ...new Map(
      loaded.interventions.flatMap((i) => i.instruments).map((i) => [i.key, i] as const),
    ).values(),
  ];

  return (
    <Page
      title={TITLE}
      lead={`Här ställer du in ${loaded.association.name}: insatserna och vad de mäter, och målen för året.`}
    >
      <p>
        <Link to={PAGES.users.path}>Hantera användare och inbjudningar</Link>
      </p>
      <section className="panel" aria-labelledby="insatser-heading">
        <h2 id="insatser-heading">Insatser</h2>
        {noticeIn('insatser')}
        <InterventionList
          interventions={loaded.interventions}
          own={own}
          onClosed={(name) => changed('insatser')(`${name} är avslutad.`)}
          onChanged={changed('insatser')}
        />
        <h3>Registrera en insats</h3>
        <p className="hint">
          Fyll i insatsens uppgifter. En individinriktad insats mäter deltagarnas självskattning och
          steg på stegtrappan: välj standardformuläret eller bygg förbundets eget.
        </p>
        <InterventionForm
          associationId={aid}
          own={own}
          onRegistered={(name) => changed('insatser')(`${name} är registrerad.`)}
        />
      </section>
      <section className="panel" aria-labelledby="mal-heading">
        <h2 id="mal-heading">Mål</h2>
        <p className="hint">
          Förbundets mål gäller alla insatser tillsammans. En insats kan också ha egna mål, som
          visas i insatsens del av rapporten.
        </p>
        {noticeIn('mal')}
        <div className="goal-choices">
          <div className="field">
            <label htmlFor="goals-of">Målen gäller</label>
            <select
              id="goals-of"
              value={goalsOf}
              onChange={(event) => {
                setNotice(null);
                setGoalsOf(event.target.value);
              }}
            >
              <option value="">Hela förbundet</option>
              {loaded.interventions.map((intervention) => (
                <option key={intervention.interventionId} value={intervention.interventionId}>
                  {intervention.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field year-field">
            <label htmlFor="goal-year">År</label>
            <select
              id="goal-year"
              value={year}
              onChange={(event) => {
                setNotice(null);
                setYear(Number(event.target.value));
              }}
            >
              {yearsAround(new Date().getFullYear()).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        </div>
        {showsGoalsOf(loaded, goalsOf, year) ? (
          <GoalsSection
            key={`${goalsOf}/${year}`}
            scope={goalScope(aid, goalsOf)}
            insatsName={insats?.name ?? null}
            year={year}
            goals={loaded.goals}
            instruments={insats?.instruments ?? instruments}
            onChanged={changed('mal')}
          />
        ) : (
          <p role="status">Hämtar målen …</p>
        )}
      </section>
    </Page>
  );
}

const showsGoalsOf = ({ goalsFor }: Settings, goalsOf: string, year: number) =>
  goalsFor.year === year &&
  (goalsFor.scope.kind === 'association' ? goalsOf === '' : goalsFor.scope.iid === goalsOf);

const yearsAround = (now: number) => [now + 1, now, now - 1, now - 2, now - 3];
