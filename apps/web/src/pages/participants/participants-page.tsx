import { useCallback, useId, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/errors';
import { ApiErrorView } from '../../frame/api-error-view';
import { Page } from '../../frame/page';
import { LoadingPage } from '../../frame/status-pages';
import { count, date } from '../../format';
import { useMe } from '../../session/session-context';
import { useLoad } from '../../use-load';
import { Table } from '../report/table';
import { FilterSelect } from './filter-select';
import { myInterventions } from './my-interventions';
import { searchParticipants, type Intervention, type ListItem } from './participant-api';
import {
  missingFilters,
  missingText,
  searchOf,
  statusFilters,
  wholePseudonym,
  type Filters,
} from './participant-rows';
import './participants.css';

/** Participants fetched per request: a page answers quickly however many the insatser have. */
const PAGE_SIZE = 50;

type Listed = { readonly items: readonly ListItem[]; readonly total: number; next: string | null };

/** /deltagare (DESIGN §8): the participants of my insatser, what is missing, filter and search. */
export default function ParticipantsPage() {
  const me = useMe();
  const { state, reload } = useLoad(`insatser/${me.userId}`, () => myInterventions(me));
  if (state.status === 'loading') return <LoadingPage title="Deltagare" />;
  if (state.status === 'failed') return <ApiErrorView error={state.error} onRetry={reload} />;
  return <ParticipantList interventions={state.data} />;
}

/** The server's refusal of the search field, to show beside it. */
const searchProblem = (error: unknown): string | undefined =>
  error instanceof ApiError ? error.fields.find((f) => f.path === 'query.q')?.message : undefined;

function ParticipantList({ interventions }: { readonly interventions: readonly Intervention[] }) {
  const [filters, setFilters] = useState<Filters>({
    interventionId: '',
    status: '',
    missing: '',
    search: '',
  });
  const filterKey = JSON.stringify(filters);
  // Every change of a filter asks the server for the first page again.
  const { state, reload } = useLoad(`deltagare/${filterKey}`, (signal) =>
    searchParticipants(searchOf(filters, { limit: PAGE_SIZE }), signal),
  );
  // The pages fetched with "Visa fler", for the filters they were fetched with.
  const [more, setMore] = useState<{ key: string; listed: Listed } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [said, setSaid] = useState('');
  const searchId = useId();
  const byId = new Map(interventions.map((i) => [i.interventionId, i]));
  const individual = interventions.filter((i) => i.kind === 'individual');
  const structural = interventions.filter((i) => i.kind === 'structural');
  const pseudonym = wholePseudonym(filters.search);

  const first =
    state.status === 'ready' ? state.data : state.status === 'loading' ? state.previous : undefined;
  const listed: Listed | undefined = more?.key === filterKey ? more.listed : first;
  const problem = state.status === 'failed' ? searchProblem(state.error) : undefined;

  const loadMore = useCallback(async () => {
    if (listed?.next == null) return;
    setLoadingMore(true);
    try {
      const page = await searchParticipants(
        searchOf(filters, { limit: PAGE_SIZE, after: listed.next }),
      );
      setMore({
        key: filterKey,
        listed: { items: [...listed.items, ...page.items], total: page.total, next: page.next },
      });
      setSaid(`${count(page.items.length)} deltagare till är hämtade.`);
    } catch {
      setSaid('Det gick inte att hämta fler. Försök igen.');
    } finally {
      setLoadingMore(false);
    }
  }, [filters, filterKey, listed]);

  if (state.status === 'failed' && problem === undefined) {
    return <ApiErrorView error={state.error} onRetry={reload} />;
  }

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
        <FilterSelect
          label="Insats"
          value={filters.interventionId}
          choices={[
            { value: '', label: 'Alla insatser' },
            ...individual.map((i) => ({ value: i.interventionId, label: i.name })),
          ]}
          onChange={(interventionId) => set({ interventionId })}
        />
        <FilterSelect
          label="Status"
          value={filters.status}
          choices={statusFilters()}
          onChange={(status) => set({ status })}
        />
        <FilterSelect
          label="Saknas"
          value={filters.missing}
          choices={missingFilters()}
          onChange={(missing) => set({ missing })}
        />
        <div className="field">
          <label htmlFor={searchId}>Sök pseudonym</label>
          <p id={`${searchId}-hint`} className="hint">
            Början av pseudonymen, till exempel {'D\u20117K3Q'}.
          </p>
          <input
            id={searchId}
            type="search"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${searchId}-hint${problem ? ` ${searchId}-error` : ''}`}
            value={filters.search}
            onChange={(e) => set({ search: e.target.value })}
          />
          {problem ? (
            <p id={`${searchId}-error`} className="field__error">
              <span aria-hidden="true">⚠ </span>
              {problem}
            </p>
          ) : null}
        </div>
      </form>
      <p className="visually-hidden" role="status" aria-live="polite">
        {listed
          ? `${said} Visar ${count(listed.items.length)} av ${count(listed.total)} deltagare.`
          : ''}
      </p>

      {listed === undefined ? null : listed.items.length === 0 ? (
        <div className="block">
          <p>
            {Object.values(filters).every((f) => f === '')
              ? 'Inga deltagare är inskrivna i dina insatser ännu.'
              : 'Inga deltagare matchar filtret.'}
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
            caption={`Deltagare (${count(listed.items.length)} av ${count(listed.total)})`}
            columns={[
              { label: 'Pseudonym' },
              { label: 'Insats' },
              { label: 'Inskriven' },
              { label: 'Status' },
              { label: 'Saknas' },
            ]}
          >
            {listed.items.map((row) => (
              <ParticipantRow
                key={row.participantId}
                row={row}
                insats={byId.get(row.interventionId)?.name ?? row.interventionId}
              />
            ))}
          </Table>
        </div>
      )}
      {listed?.next != null ? (
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

function ParticipantRow({ row, insats }: { readonly row: ListItem; readonly insats: string }) {
  const missing = missingText(row);
  return (
    <tr>
      <th scope="row">
        <Link className="pid" to={`/deltagare/${row.participantId}`}>
          {row.participantId}
        </Link>
      </th>
      <td data-label="Insats">{insats}</td>
      <td data-label="Inskriven">{date(row.enrolledOn)}</td>
      <td data-label="Status">
        {row.status === 'active' ? (
          <span className="badge badge--active">Pågår</span>
        ) : (
          <span className="badge">Avslutad {date(row.exitedOn)}</span>
        )}
      </td>
      <td data-label="Saknas">
        {missing === 'Inget' ? <span className="hint">Inget</span> : missing}
      </td>
    </tr>
  );
}
