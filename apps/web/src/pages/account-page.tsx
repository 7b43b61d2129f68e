import { Page } from '../frame/page';
import { ROLE_LABELS } from '../labels';
import { useMe, useSession } from '../session/session-context';

/** /konto (DESIGN §8). Password, two-step sign-in and API tokens come with accounts (§7). */
export function AccountPage() {
  const me = useMe();
  const { signOut } = useSession();
  return (
    <Page title="Konto">
      <dl className="facts">
        <div>
          <dt>Inloggad som</dt>
          <dd>{me.name}</dd>
        </div>
        <div>
          <dt>Roll</dt>
          <dd>{ROLE_LABELS[me.role]}</dd>
        </div>
      </dl>
      <p>
        Här kommer du att kunna byta lösenord, slå på tvåstegsverifiering och skapa egna API-nycklar
        när konton finns i Stegvis.
      </p>
      <p>
        <button type="button" className="button" onClick={() => void signOut()}>
          Logga ut
        </button>
      </p>
    </Page>
  );
}
