/**
 * The layering, enforced (docs/architecture.md): an app is an entry point that no one else
 * imports, libraries never import an app, and the pure libraries (domain, reporting) import no
 * framework and no infrastructure client. Each file gets one `no-restricted-imports` setting
 * (a later one for the same file replaces an earlier one), so each set lists all of its rules.
 */

/** Relative imports name folders, so an import reaching into an app names `apps/<app>/` or `<app>/src`. */
const intoApp = (app) => ({
  regex: `(^|/)(apps/${app}|${app}/src)(/|$)`,
  message: `Do not import apps/${app}: an app is an entry point. Put what is shared in libs/.`,
});

/** Outside the apps, nothing imports an app. */
const appsFromOutside = {
  regex: '(^|/)apps/',
  message: 'Do not import an app from outside it: put what is shared in libs/.',
};

/** The one exception: the in-process test harness starts the API through its bootstrap. */
const appsFromTestHarness = {
  regex: '(^|/)apps/(?!api/src/bootstrap$)',
  message:
    'Do not import an app from outside it: put what is shared in libs/ (the test harness may only start apps/api/src/bootstrap).',
};

const libraryImportsApp = {
  regex: '(^|/)apps/',
  message: 'A library never imports an app: turn the dependency around.',
};

const infrastructure = {
  group: ['@nestjs/*', 'nestjs-*', 'ioredis', 'better-sqlite3', 'bullmq', '@kurrent/*', 'express'],
  message:
    'libs/domain and libs/reporting are pure: no framework, no infrastructure client. Put I/O in libs/read-side or an adapter.',
};

const testImportsBench = {
  regex: '(^|/)bench/',
  message: 'Tests do not import bench/: bench builds on test/support, not the other way round.',
};

/** Platform code (auth, HTTP plumbing) is what every feature builds on: it imports no feature. */
const platformImportsFeature = {
  regex: '^\\.\\./',
  message: 'platform/ imports no feature: move what is shared here, or turn the dependency around.',
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
    ['apps/api/src/platform/*.ts'],
    intoApp('worker'),
    intoApp('web'),
    platformImportsFeature,
  ),
  // One folder deeper, `../` is still platform; `../../` leaves it.
  restrict(['apps/api/src/platform/*/**/*.ts'], intoApp('worker'), intoApp('web'), {
    ...platformImportsFeature,
    regex: '^\\.\\./\\.\\./',
  }),
  restrict(['apps/worker/**/*.ts'], intoApp('api'), intoApp('web')),
  restrict(['apps/web/**/*.{ts,tsx}'], intoApp('api'), intoApp('worker')),
  restrict(['bench/**/*.ts', 'scripts/**/*.ts'], appsFromOutside),
  restrict(['test/**/*.ts'], appsFromOutside, testImportsBench),
  restrict(['test/support/api-harness.ts'], appsFromTestHarness, testImportsBench),
];
