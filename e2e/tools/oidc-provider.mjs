// A real OpenID Provider for the single sign-on tests: panva's certified oidc-provider with one
// confidential client, a static account list and its development login/consent pages (any
// password is accepted; the login name picks the account).
//
//   node tools/oidc-provider.mjs --port 9100 --redirect-uri http://127.0.0.1:8080/auth/oidc/callback \
//     [--client-id sendero] [--client-secret ...] [--accounts '{"cm":{"email":"a@b.org","email_verified":true}}']
//
// Prints one line `issuer=http://127.0.0.1:PORT` when it is ready; stops on SIGTERM/SIGINT.
import Provider from 'oidc-provider';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'redirect-uri': { type: 'string' },
    'client-id': { type: 'string', default: 'sendero' },
    'client-secret': { type: 'string', default: 'sendero-test-secret-0123456789abcdef' },
    accounts: { type: 'string' },
  },
});
if (!values.port || !values['redirect-uri']) {
  console.error('usage: oidc-provider.mjs --port PORT --redirect-uri URI [--client-id ID] [--client-secret S] [--accounts JSON]');
  process.exit(2);
}

// Login name → claims. The defaults match the demo data's case manager.
const accounts = values.accounts ? JSON.parse(values.accounts) : {
  'case.manager': { email: 'casemanager@demo.sendero.org', email_verified: true },
  unverified: { email: 'supervisor@demo.sendero.org', email_verified: false },
  stranger: { email: 'nobody@example.org', email_verified: true },
};

const issuer = `http://127.0.0.1:${values.port}`;
const provider = new Provider(issuer, {
  clients: [{
    client_id: values['client-id'],
    client_secret: values['client-secret'],
    redirect_uris: [values['redirect-uri']],
    response_types: ['code'],
    grant_types: ['authorization_code'],
  }],
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['sendero-test-cookie-key'] },
});
// Keep the test logs readable: the development-only warnings are expected here.
provider.on('server_error', (_ctx, err) => console.error('oidc-provider server_error', err));

const server = provider.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`issuer=${issuer}`);
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => server.close(() => process.exit(0)));
