import { Page } from '../../frame/page';
import { ROLE_LABELS } from '../../labels';
import { useMe, useSession } from '../../session/session-context';
import { ApiTokens } from './api-tokens';
import { PasswordChange } from './password-change';
import { TwoStep } from './two-step';

/** /konto (DESIGN §8): password, two-step sign-in (chief, admin), personal API tokens, sign out. */
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
        {me.email ? (
          <div>
            <dt>E-post</dt>
            <dd>{me.email}</dd>
          </div>
        ) : null}
        <div>
          <dt>Roll</dt>
          <dd>{ROLE_LABELS[me.role]}</dd>
        </div>
      </dl>
      {me.email === null ? (
        <p className="hint">
          Du är inloggad med en utvecklingstoken utan användarkonto: lösenord och API-nycklar hör
          till konton.
        </p>
      ) : (
        <>
          <PasswordChange />
          {me.role === 'chief' || me.role === 'admin' ? <TwoStep enabled={me.totp} /> : null}
          <ApiTokens />
        </>
      )}
      <p>
        <button type="button" className="button" onClick={() => void signOut()}>
          Logga ut
        </button>
      </p>
    </Page>
  );
}
