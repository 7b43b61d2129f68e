import { Navigate, useLocation } from 'react-router';
import { z } from 'zod';
import { Page } from '../frame/page';
import { startPage } from '../frame/pages';
import type { SignInState } from '../frame/require-role';
import { Form, SubmitButton } from '../forms/form';
import { TextField } from '../forms/fields';
import { useZodForm } from '../forms/use-zod-form';
import { signIn, signInWithToken, type Me } from '../session/session';
import { useSession } from '../session/session-context';

// The sign-in body of DESIGN §7. When accounts exist, the domain's schema replaces this one.
const Credentials = z.object({
  email: z.email('Skriv din e-postadress, till exempel namn@forbund.se.'),
  password: z.string().min(1, 'Skriv ditt lösenord.'),
});

// TEMPORARY, until accounts exist.
const TokenSignIn = z.object({
  token: z.string().trim().min(1, 'Klistra in din token.'),
});

const NOTICES: Record<NonNullable<SignInState['reason']>, string> = {
  required: 'Logga in för att se sidan.',
  expired: 'Du har loggats ut: servern godtar inte längre din inloggning. Logga in igen.',
};

function readState(state: unknown): SignInState {
  if (typeof state !== 'object' || state === null) return {};
  const { from, reason } = state as Record<string, unknown>;
  return {
    ...(typeof from === 'string' && from.startsWith('/') ? { from } : {}),
    ...(reason === 'required' || reason === 'expired' ? { reason } : {}),
  };
}

/** /logga-in (DESIGN §8): "E-post", "Lösenord", "Logga in"; then the role's start page. */
export function LoginPage() {
  const { state: session, signedIn } = useSession();
  const location = useLocation();
  const { from, reason } = readState(location.state);
  const credentials = useZodForm(Credentials, { defaultValues: { email: '', password: '' } });
  const token = useZodForm(TokenSignIn, { defaultValues: { token: '' } });

  // Signed in (now or before): on to the page that sent here, or the role's start page.
  if (session.status === 'signed-in') {
    return <Navigate to={from ?? startPage(session.me.role)} replace />;
  }
  const enter = (me: Me) => signedIn(me);

  return (
    <Page title="Logga in">
      <div className="sign-in">
        {reason ? (
          <p className="notice notice--info" role="status">
            {NOTICES[reason]}
          </p>
        ) : null}
        <section aria-labelledby="sign-in-password" className="panel">
          <h2 id="sign-in-password">Med e-post och lösenord</h2>
          <Form form={credentials} onSubmit={async (values) => enter(await signIn(values))}>
            <TextField
              name="email"
              label="E-post"
              type="email"
              autoComplete="username"
              spellCheck={false}
            />
            <TextField
              name="password"
              label="Lösenord"
              type="password"
              autoComplete="current-password"
            />
            <SubmitButton pending="Loggar in …">Logga in</SubmitButton>
          </Form>
        </section>

        <section aria-labelledby="sign-in-token" className="panel panel--temporary">
          <h2 id="sign-in-token">Tillfälligt: logga in med token</h2>
          <p className="hint">
            Tills konton finns i Stegvis loggar du in med den token du har fått av den som driver
            Stegvis. Den sparas bara i den här webbläsarfliken och glöms när du stänger fliken eller
            loggar ut.
          </p>
          <Form
            form={token}
            onSubmit={async (values) => enter(await signInWithToken(values.token))}
          >
            <TextField
              name="token"
              label="Token"
              type="password"
              autoComplete="off"
              spellCheck={false}
            />
            <SubmitButton>Logga in med token</SubmitButton>
          </Form>
        </section>
      </div>
    </Page>
  );
}
