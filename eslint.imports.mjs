/**
 * The layering, enforced (docs/architecture.md): an app is an entry point that no one else
 * imports, libraries never import an app, and the pure libraries (domain, reporting) import no
 * framework and no infrastructure client. Each file gets one `no-restricted-imports` setting
 * (a later one for the same file replaces an earlier one), so each set lists all of its rules.
 */

/** Relative imports name folders, so an import reaching into an app names `apps/<app>/` or `<app>/src`. */
const intoApp = (app) => ({
  regex: `(^|/)(apps/${app}|${app}/src)(/|$)`,
  message: `Importera inte apps/${app}: en app är en startpunkt. Lägg det som delas i libs/.`,
});

/** Outside the apps, only the API's bootstrap may be imported: the in-process test harness and the OpenAPI script start the API through it. */
const appsFromOutside = {
  regex: '(^|/)apps/(?!api/src/bootstrap$)',
  message:
    'Importera inte en app utifrån: lägg det som delas i libs/ (bara apps/api/src/bootstrap får startas utifrån).',
};

const libraryImportsApp = {
  regex: '(^|/)apps/',
  message: 'Ett bibliotek importerar aldrig en app: vänd beroendet.',
};

const infrastructure = {
  group: ['@nestjs/*', 'nestjs-*', 'ioredis', 'better-sqlite3', 'bullmq', '@kurrent/*', 'express'],
  message:
    'libs/domain och libs/reporting är rena: inget ramverk och ingen infrastruktur. Lägg I/O i libs/read-side eller en adapter.',
};

const testImportsBench = {
  regex: '(^|/)bench/',
  message: 'Testerna importerar inte bench/: bench bygger på test/support, inte tvärtom.',
};

/** Platform code (auth, HTTP plumbing) is what every feature builds on: it imports no feature. */
const platformImportsFeature = {
  regex: '^\\.\\./',
  message: 'platform/ importerar inga funktioner: flytta det som delas hit, eller vänd beroendet.',
};

const restrict = (files, ...patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export const importRules = [
  restrict(['libs/**/*.{ts,tsx}'], libraryImportsApp),
  restrict(['libs/domain/**/*.ts', 'libs/reporting/**/*.ts'], libraryImportsApp, infrastructure),
  restrict(['apps/api/**/*.ts'], intoApp('worker'), intoApp('web')),
  restrict(
    ['apps/api/src/platform/**/*.ts'],
    intoApp('worker'),
    intoApp('web'),
    platformImportsFeature,
  ),
  restrict(['apps/worker/**/*.ts'], intoApp('api'), intoApp('web')),
  restrict(['apps/web/**/*.{ts,tsx}'], intoApp('api'), intoApp('worker')),
  restrict(['bench/**/*.ts', 'scripts/**/*.ts'], appsFromOutside),
  restrict(['test/**/*.ts'], appsFromOutside, testImportsBench),
];
