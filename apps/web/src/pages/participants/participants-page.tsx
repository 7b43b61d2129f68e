import { useCallback, useId, useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorView } from '../../frame/api-error-view';
import { Page } from '../../frame/page';
import { LoadingPage } from '../../frame/status-pages';
import { count, date } from '../../format';
import { useMe } from '../../session/session-context';
import { useLoad } from '../../use-load';
import { Table } from '../report/table';
import { myInterventions } from './my-interventions';
import { fetchParticipantPage, type Intervention } from './participant-api';
import {
  MISSING_LABELS,
  missingOf,
  shownRows,
  STATUS_FILTERS,
  wholePseudonym,
  type Filters,
  type Row,
  type StatusFilter,
} from './participant-rows';
import './participants.css';

/** Participants fetched per request: a page answers quickly however many the insats has. */
const PAGE_SIZE = 50;

type Loaded = { readonly rows: Row[]; readonly next: ReadonlyMap<string, string> };

async function firstPages(interventions: readonly Intervention[]): Promise<Loaded> {
  return merge({ rows: [], next: new Map() }, interventions, new Map());
}

/** The next page of each insats in `interventions` (from `after`), added to what is loaded. */
async function merge(
  loaded: Loaded,
  interventions: readonly Intervention[],
  after: ReadonlyMap<string, string>,
): Promise<Loaded> {
  const pages = await Promise.all(
    interventions.map(async (insats) => {
      const from = after.get(insats.interventionId);
      const page = await fetchParticipantPage(insats.interventionId, {
        limit: PAGE_SIZE,
        ...(from === undefined ? {} : { after: from }),
      });
      return { insats, page };
    }),
  );
  const next = new Map(loaded.next);
  const rows = [...loaded.rows];
  for (const { insats, page } of pages) {
    rows.push(...page.items.map((item) => ({ ...item, insats })));
    if (page.next === null) next.delete(insats.interventionId);
    else next.set(insats.interventionId, page.next);
  }
  return { rows, next };
}

/** /deltagare (DESIGN §8): the participants of my insatser, what is missing, filter and search. */
export default function ParticipantsPage() {
  const me = useMe();
  const { state, reload } = useLoad(`deltagare/${me.userId}`, async () => {
    const interventions = await myInterventions(me);
    const individual = interventions.filter((i) => i.kind === 'individual');
    return { interventions, individual, loaded: await firstPages(individual) };
  });
  if (state.status === 'loading') return <LoadingPage title="Deltagare" />;
  if (state.status === 'failed') return <ApiErrorView error={state.error} onRetry={reload} />;
  return <ParticipantList {...state.data} />;
}

function ParticipantList({
  interventions,
  individual,
  loaded: first,
}: {
  readonly interventions: readonly Intervention[];
  readonly individual: readonly Intervention[];
  readonly loaded: Loaded;
}) {
  const [loaded, setLoaded] = useState(first);
  const [loadingMore, setLoadingMore] = useState(false);
  const [filters, setFilters] = useState<Filters>({ interventionId: '', status: '', search: '' });
  const [said, setSaid] = useState('');
  const ids = { insats: useId(), status: useId(), search: useId() };
  const shown = shownRows(loaded.rows, filters);
  const structural = interventions.filter((i) => i.kind === 'structural');
  const pseudonym = wholePseudonym(filters.search);
  const more = loaded.next.size > 0;

  const loadMore = useCallback(async () => {
    setLoadingMore(true);
    try {
      const withMore = individual.filter((i) => loaded.next.has(i.interventionId));
      const next = await merge(loaded, withMore, loaded.next);
      setLoaded(next);
      setSaid(`${count(next.rows.length - loaded.rows.length)} deltagare till är hämtade.`);
    } catch {
      setSaid('Det gick inte att hämta fler. Försök igen.');
    } finally {
      setLoadingMore(false);
    }
  }, [individual, loaded]);

  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }));

  return (
    <Page title="Deltagare" lead="Deltagarna i dina insatser, senast ändrade först.">
      <ul className="actions">
        {individual.length > 0 ? (
          <li>
            <Link className="button" to="/deltagare/ny">
              Skriv in deltagare
            </Link>
          </li>
        ) : null}
        {structural.length > 0 ? (
          <li>
            <Link to="/deltagare/narvaro">
              Registrera antal deltagare (strukturinriktade insatser)
            </Link>
          </li>
        ) : null}
      </ul>

      <form
        className="filters"
        role="search"
        aria-label="Filtrera deltagarna"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor={ids.insats}>Insats</label>
          <select
            id={ids.insats}
            value={filters.interventionId}
            onChange={(e) => set({ interventionId: e.target.value })}
          >
            <option value="">Alla insatser</option>
            {individual.map((i) => (
              <option key={i.interventionId} value={i.interventionId}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>Status</label>
          <select
            id={ids.status}
            value={filters.status}
            onChange={(e) => set({ status: e.target.value as StatusFilter })}
          >
            {STATUS_FILTERS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.search}>Sök pseudonym</label>
          <input
            id={ids.search}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={filters.search}
            onChange={(e) => set({ search: e.target.value })}
          />
        </div>
      </form>
      <p className="visually-hidden" role="status" aria-live="polite">
        {said} Visar {count(shown.length)} av {count(loaded.rows.length)} hämtade deltagare.
      </p>

      {shown.length === 0 ? (
        <div className="block">
          <p>
            {loaded.rows.length === 0
              ? 'Inga deltagare är inskrivna i dina insatser ännu.'
              : 'Inga hämtade deltagare matchar filtret.'}
          </p>
          {pseudonym ? (
            <p>
              <Link to={`/deltagare/${pseudonym}`}>Öppna deltagare {pseudonym}</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <div className="participant-table">
          <Table
            caption={`Deltagare (${count(shown.length)} av ${count(loaded.rows.length)} hämtade)`}
            columns={[
              { label: 'Pseudonym' },
              { label: 'Insats' },
              { label: 'Inskriven' },
              { label: 'Status' },
              { label: 'Saknas' },
            ]}
          >
            {shown.map((row) => (
              <ParticipantRow key={row.participantId} row={row} />
            ))}
          </Table>
        </div>
      )}
      {more ? (
        <p>
          <button
            type="button"
            className="button button--quiet"
            aria-disabled={loadingMore || undefined}
            onClick={() => {
              if (!loadingMore) void loadMore();
            }}
          >
            {loadingMore ? 'Hämtar …' : 'Visa fler'}
          </button>
        </p>
      ) : null}
    </Page>
  );
}

function ParticipantRow({ row }: { readonly row: Row }) {
  const missing = missingOf(row);
  return (
    <tr>
      <th scope="row">
        <Link className="pid" to={`/deltagare/${row.participantId}`}>
          {row.participantId}
        </Link>
      </th>
      <td data-label="Insats">{row.insats.name}</td>
      <td data-label="Inskriven">{date(row.enrolledOn)}</td>
      <td data-label="Status">
        {row.status === 'active' ? (
          <span className="badge badge--active">Pågår</span>
        ) : (
          <span className="badge">Avslutad {date(row.exitedOn)}</span>
        )}
      </td>
      <td data-label="Saknas">
        {missing.length === 0 ? (
          <span className="hint">Inget</span>
        ) : (
          missing
            .map((m) => MISSING_LABELS[m])
            .join(', ')
            .replace(/^./, (c) => c.toUpperCase())
        )}
      </td>
    </tr>
  );
}
