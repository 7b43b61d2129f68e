import { useState } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { SignInBody, TotpCode } from '@stegvis/domain';
import { z } from 'zod';
import { api, send } from '../api/client';
import { ApiError } from '../api/errors';
import { Page } from '../frame/page';
import { startPage } from '../frame/pages';
import type { SignInState } from '../frame/require-role';
import { Form, SubmitButton } from '../forms/form';
import { TextField } from '../forms/fields';
import { useZodForm } from '../forms/use-zod-form';
import { useLoad } from '../use-load';
import { signInWithToken, started, type Me } from '../session/session';
import { useSession } from '../session/session-context';
import { TotpSetup, type TotpEnrolment } from '../session/totp-setup';

const Credentials = SignInBody.pick({ email: true, password: true }).extend({
  totp: z.union([z.literal(''), TotpCode]).optional(),
});

// For developers, scripts and tests: an AUTH_SECRET JWT or a personal API token.
const TokenSignIn = z.object({
  token: z.string().trim().min(1, 'Klistra in din token.'),
});

const NOTICES: Record<NonNullable<SignInState['reason']>, string> = {
  required: 'Logga in för att se sidan.',
  expired: 'Du har loggats ut: servern godtar inte längre din inloggning. Logga in igen.',
};

function readState(state: unknown): SignInState & { notice?: string } {
  if (typeof state !== 'object' || state === null) return {};
  const { from, reason, notice } = state as Record<string, unknown>;
  return {
    ...(typeof from === 'string' && from.startsWith('/') ? { from } : {}),
    ...(reason === 'required' || reason === 'expired' ? { reason } : {}),
    ...(typeof notice === 'string' ? { notice } : {}),
  };
}

/** What the server asked for beside the password, read from its problem answer. */
type SecondStep =
  { readonly kind: 'totp' } | { readonly kind: 'enrolment'; readonly enrolment: TotpEnrolment };

function secondStepOf(error: unknown): SecondStep | undefined {
  if (!(error instanceof ApiError) || error.status !== 401) return undefined;
  if (error.code === 'sign_in_totp_required') return { kind: 'totp' };
  if (error.code === 'sign_in_totp_enrolment_required' && error.extra?.totpEnrolment) {
    return { kind: 'enrolment', enrolment: error.extra.totpEnrolment };
  }
  return undefined;
}

/** What the way back from the organisation's provider says when nobody was signed in. */
const SSO_REFUSALS: Record<string, string> = {
  'ej-inbjuden':
    'Ditt organisationskonto är inte inbjudet till Stegvis. Be din förbundschef om en inbjudan till samma e-postadress.',
  misslyckades:
    'Inloggningen med organisationskontot blev inte klar. Försök igen, eller logga in med e-post och lösenord.',
};

/** /logga-in (DESIGN §8): "E-post", "Lösenord", "Logga in"; then the role's start page. */
export function LoginPage() {
  const { state: session, signedIn } = useSession();
  const location = useLocation();
  const { from, reason, notice } = readState(location.state);
  const [second, setSecond] = useState<SecondStep | undefined>();
  const credentials = useZodForm(Credentials, {
    defaultValues: { email: '', password: '', totp: '' },
  });
  const token = useZodForm(TokenSignIn, { defaultValues: { token: '' } });
  const [params] = useSearchParams();
  const ssoRefusal = SSO_REFUSALS[params.get('organisationskonto') ?? ''];
  const oidc = useLoad('oidc', (signal) => send(api.GET('/v1/auth/oidc', { signal })));

  if (session.status === 'signed-in') {
    return <Navigate to={from ?? startPage(session.me.role)} replace />;
  }
  const enter = (me: Me) => signedIn(me);

  const submit = async (values: z.output<typeof Credentials>) => {
    const code = values.totp === '' ? undefined : values.totp;
    const enrolment = second?.kind === 'enrolment' ? second.enrolment.totpSecret : undefined;
    try {
      const answer = await send(
        api.POST('/v1/auth/login', {
          body: {
            email: values.email,
            password: values.password,
            ...(code ? { totp: code } : {}),
            ...(code && enrolment ? { totpSecret: enrolment } : {}),
          },
        }),
      );
      enter(started(answer));
    } catch (error) {
      const step = secondStepOf(error);
      if (step !== undefined && second === undefined) {
        setSecond(step);
        return;
      }
      throw error;
    }
  };

  return (
    <Page title="Logga in">
      <div className="sign-in">
        {reason || notice ? (
          <p className="notice notice--info" role="status">
            {notice ?? (reason ? NOTICES[reason] : '')}
          </p>
        ) : null}
        {ssoRefusal ? (
          <p className="notice notice--error" role="alert">
            {ssoRefusal}
          </p>
        ) : null}
        {oidc.state.status === 'ready' && oidc.state.data.enabled ? (
          <p>
            <a className="button" href="/v1/auth/oidc/start">
              Logga in med organisationskonto
            </a>
          </p>
        ) : null}
        <section aria-labelledby="sign-in-password" className="panel">
          <h2 id="sign-in-password">Med e-post och lösenord</h2>
          <Form form={credentials} onSubmit={submit}>
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
            {second?.kind === 'enrolment' ? <TotpSetup enrolment={second.enrolment} /> : null}
            {second ? (
              <TextField
                name="totp"
                label="Engångskod"
                hint="Sex siffror från din autentiseringsapp."
                inputMode="numeric"
                autoComplete="one-time-code"
                autoFocus
              />
            ) : null}
            <SubmitButton pending="Loggar in …">Logga in</SubmitButton>
            {/* Stegvis sends no e-mail: a new password comes as a new link from a person. */}
            <p className="hint">
              Har du glömt lösenordet? Be din förbundschef (eller administratören) om en ny länk.
            </p>
          </Form>
        </section>

        <details className="panel panel--temporary">
          <summary>Logga in med en API-token (för skript och utvecklare)</summary>
          <p className="hint">
            En personlig API-nyckel (stv_…) eller en utvecklingstoken. Den sparas bara i den här
            webbläsarfliken och glöms när du stänger fliken eller loggar ut.
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
        </details>
      </div>
    </Page>
  );
}
