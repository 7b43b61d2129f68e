import { Link } from 'react-router';
import { Page } from '../../frame/page';
import { CopyButton } from './copy-button';

/** After an enrolment: the new pseudonym, large, and what to do with it. */
export function EnrolledView({
  pid,
  insats,
  onAnother,
}: {
  readonly pid: string;
  readonly insats: string;
  readonly onAnother: () => void;
}) {
  return (
    <Page title="Deltagaren är inskriven" lead={`Deltagaren är inskriven i ${insats}.`}>
      <section className="panel pseudonym" aria-labelledby="pseudonym-heading">
        <h2 id="pseudonym-heading">Deltagarens pseudonym</h2>
        <p className="pseudonym__value" id="pseudonym">
          {pid}
        </p>
        <p>
          <CopyButton text={pid} label="Kopiera pseudonymen" />
        </p>
        <div className="notice notice--info">
          <p>
            <strong>Stegvis sparar aldrig vem deltagaren är.</strong> Skriv upp pseudonymen där ni
            har deltagarens uppgifter, till exempel i er journal eller akt. Den är det enda som
            kopplar uppgifterna i Stegvis till personen, och ingen kan ta fram den ur Stegvis med
            hjälp av namn eller personnummer.
          </p>
        </div>
      </section>
      <ul className="actions">
        <li>
          <Link className="button" to={`/deltagare/${pid}`}>
            Gå till deltagaren
          </Link>
        </li>
        <li>
          <button type="button" className="button button--quiet" onClick={onAnother}>
            Skriv in en till
          </button>
        </li>
        <li>
          <Link to="/deltagare">Tillbaka till deltagarna</Link>
        </li>
      </ul>
    </Page>
  );
}
