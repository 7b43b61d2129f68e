import { date } from '../../format';
import type { TimelineEntry } from './journey';

/** The journey, oldest first; a retracted entry struck through, with why it was taken back. */
export function TimelineView({ entries }: { readonly entries: readonly TimelineEntry[] }) {
  return (
    <ol className="timeline" aria-label="Deltagarens historik">
      {entries.map((entry) => (
        <li
          key={entry.id}
          className={
            entry.retracted ? 'timeline__entry timeline__entry--retracted' : 'timeline__entry'
          }
        >
          <span className="timeline__date">{date(entry.occurredOn)}</span>
          {entry.retracted ? <span className="visually-hidden">Tagen tillbaka: </span> : null}
          <span className="timeline__what">{entry.what}</span>
          {entry.detail ? <p className="timeline__detail">{entry.detail}</p> : null}
          {entry.retracted ? (
            <p className="timeline__retraction">
              Togs tillbaka{entry.retractedBecause ? `: ${entry.retractedBecause}` : ''}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
