// A real OpenID provider for the single sign-on tests (DESIGN §7): the `oidc-provider` package
// with its development login page, where any login name signs in. The login name is the
// account's e-mail address, reported as verified. Run by node directly (it is an ES module):
//   PORT=… CLIENT_ID=… CLIENT_SECRET=… REDIRECT_URI=… node test/support/oidc-provider.mjs
import Provider from 'oidc-provider';

const { PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI } = process.env;
const issuer = `http://127.0.0.1:${PORT}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [REDIRECT_URI],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  findAccount: (_ctx, id) => ({
    accountId: id,
    claims: () => ({ sub: id, email: id, email_verified: true }),
  }),
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['oidc-provider-test-key'] },
});

provider.listen(Number(PORT), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ ready: true, issuer })}\n`);
});
