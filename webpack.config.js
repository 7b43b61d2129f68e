/**
 * How `nest build` bundles an app (nest-cli.json): Nest's defaults (one file per app, the
 * libraries inside, node_modules left outside), so the API starts as dist/apps/api/main.js and
 * the worker as dist/apps/worker/main.js. The worker's bundle also holds the image's health
 * check. Types are checked by `npm run typecheck`, not a second time here.
 */
module.exports = (options) => {
  const plugins = options.plugins.filter(
    (plugin) => plugin.constructor.name !== 'ForkTsCheckerWebpackPlugin',
  );
  if (!options.output.filename.startsWith('apps/worker/')) return { ...options, plugins };
  return {
    ...options,
    plugins,
    entry: { main: options.entry, healthcheck: './apps/worker/src/healthcheck.ts' },
    output: { ...options.output, filename: 'apps/worker/[name].js' },
  };
};
