/**
 * Mints a token for local use, signed with AUTH_SECRET or the development secret in DATA_DIR.
 *   npm run token -- --role chief --association F-XXXXXXXXXX
 *   npm run token -- --role staff --association F-… --interventions I-…,I-…
 *   npm run token -- --role admin
 */
import { parseArgs } from 'node:util';
import { Role } from '../apps/api/src/auth/actor';
import { signToken } from '../apps/api/src/auth/tokens';
import { loadConfig } from '../libs/config/src';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'admin' },
    association: { type: 'string' },
    interventions: { type: 'string', default: '' },
    sub: { type: 'string', default: 'lokal-anvandare' },
    hours: { type: 'string', default: '8' },
  },
});

const role = Role.safeParse(values.role);
if (!role.success) {
  process.stderr.write(`Okänd roll "${values.role}": välj admin, chief, board eller staff.\n`);
  process.exit(2);
}
if (role.data !== 'admin' && !values.association) {
  process.stderr.write('Rollen kräver --association <förbunds-id>.\n');
  process.exit(2);
}
const token = signToken(loadConfig().auth, {
  sub: values.sub,
  role: role.data,
  associationId: values.association,
  interventionIds: values.interventions.split(',').filter(Boolean),
  expiresInSeconds: Number(values.hours) * 3600,
});
process.stdout.write(`${token}\n`);
