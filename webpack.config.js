/**
 * How `nest build` bundles an app (nest-cli.json): Nest's defaults (one file per app, the
 * libraries inside, node_modules left outside), so the API starts as dist/apps/api/main.js and
 * the worker as dist/apps/worker/main.js. The worker's bundle also holds the image's health
 * check, the API's the user tool (`node dist/apps/api/user.js`, what `npm run user` runs in a
 * checkout). Types are checked by `npm run typecheck`, not a second time here.
 */
module.exports = (options) => {
  const plugins = options.plugins.filter(
    (plugin) => plugin.constructor.name !== 'ForkTsCheckerWebpackPlugin',
  );
  const [app] = options.output.filename.split('/main.js');
  const extra = {
    'apps/worker': { healthcheck: './apps/worker/src/healthcheck.ts' },
    'apps/api': { user: './apps/api/scripts/user.ts' },
  }[app];
  if (extra === undefined) return { ...options, plugins };
  return {
    ...options,
    plugins,
    entry: { main: options.entry, ...extra },
    output: { ...options.output, filename: `${app}/[name].js` },
  };
};
