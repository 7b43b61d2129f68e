import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@stegvis/config';
import { SecretBox, SecretBoxError } from '@stegvis/credentials';
import { Email } from '@stegvis/domain';
import { SESSION_STORE, type SessionStore } from '@stegvis/sessions';
import type { Request } from 'express';
import type * as OpenIdClient from 'openid-client';
import { meOf } from './account-answers';
import type { SignedIn } from './account-commands';
import { TOTP_BOX } from './totp-box';
import { UserAccounts } from './user-accounts';

/** What the browser keeps between the redirect to the provider and the way back: sealed. */
export const OIDC_COOKIE = 'stegvis_oidc';
const FLOW_MS = 10 * 60 * 1000;
const CALLBACK_PATH = '/v1/auth/oidc/callback';

type Flow = {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly at: number;
};

/** Why a single sign-on did not sign anyone in; the sign-in page says it in Swedish. */
export type OidcRefusal = 'not_invited' | 'failed';

/**
 * "Logga in med organisationskonto" (DESIGN §7): authorization code with PKCE against
 * OIDC_ISSUER through openid-client. Only an account already invited with the address the
 * provider says it has verified is signed in; the provider is asked nothing else.
 */
@Injectable()
export class OidcSignIn {
  private configuration: Promise<OpenIdClient.Configuration> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TOTP_BOX) private readonly box: SecretBox,
    private readonly accounts: UserAccounts,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
  ) {}

  get enabled(): boolean {
    return this.config.oidc !== undefined;
  }

  /** The provider's address to send the browser to, and the sealed flow for the cookie. */
  async start(request: Request): Promise<{ url: string; cookie: string }> {
    const client = openIdClient();
    const configuration = await this.discovered();
    const flow: Flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      at: Date.now(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: `${originOf(request)}${CALLBACK_PATH}`,
      scope: 'openid email profile',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, cookie: this.box.seal(JSON.stringify(flow), 'oidc-flow') };
  }

  /** The way back: the code exchanged, the ID token checked, the invited account signed in. */
  async finish(request: Request, sealedFlow: string | undefined): Promise<SignedIn | OidcRefusal> {
    const flow = this.openFlow(sealedFlow);
    if (flow === undefined) return 'failed';
    const client = openIdClient();
    let claims: Readonly<Record<string, unknown>> | undefined;
    try {
      const configuration = await this.discovered();
      const tokens = await client.authorizationCodeGrant(
        configuration,
        new URL(`${originOf(request)}${request.originalUrl}`),
        { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce },
      );
      const idToken = tokens.claims();
      if (idToken === undefined) return 'failed';
      // Providers keep scope claims out of the ID token unless asked (OIDC Core §5.4): the
      // address then comes from the userinfo endpoint, for the same subject.
      claims =
        idToken['email'] === undefined
          ? await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)
          : idToken;
    } catch {
      return 'failed';
    }
    const email = Email.safeParse(claims?.['email']);
    if (claims?.['email_verified'] !== true || !email.success) return 'not_invited';
    const found = await this.accounts.findByEmail(email.data);
    if (found === undefined || found.state.status === 'none') return 'not_invited';
    const userId = found.state.userId;
    const now = new Date();
    const written = await this.accounts.write(
      userId,
      { actor: userId, now },
      () => [{ type: 'SignInWithOidc', now: now.toISOString() }],
      found.snapshot,
    );
    if (!written.events.some((e) => e.type === 'SignedIn')) return 'not_invited';
    const user = (await this.accounts.find(userId)) ?? found.state;
    const { sessionId, csrfToken } = await this.sessions.create(userId);
    return { kind: 'signed-in', me: meOf(user), sessionId, csrfToken };
  }

  private openFlow(sealed: string | undefined): Flow | undefined {
    if (sealed === undefined) return undefined;
    try {
      const flow = JSON.parse(this.box.open(sealed, 'oidc-flow')) as Flow;
      return Date.now() - flow.at < FLOW_MS ? flow : undefined;
    } catch (error) {
      if (error instanceof SecretBoxError || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  private discovered(): Promise<OpenIdClient.Configuration> {
    const oidc = this.config.oidc;
    if (oidc === undefined) throw new Error('OIDC is not configured');
    const client = openIdClient();
    const issuer = new URL(oidc.issuer);
    this.configuration ??= client
      .discovery(issuer, oidc.clientId, oidc.clientSecret, undefined, {
        // A provider on plain http is the operator's explicit choice (a test's, in practice).
        ...(issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }
}

/**
 * openid-client is an ES module: loaded when single sign-on is first used, so processes without
 * OIDC (and the test runner, which loads the API as CommonJS) never load it.
 */
function openIdClient(): typeof OpenIdClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('openid-client') as typeof OpenIdClient;
}

function originOf(request: Request): string {
  const proto = request.headers['x-forwarded-proto'] === 'https' ? 'https' : request.protocol;
  return `${proto}://${request.get('host') ?? 'localhost'}`;
}
