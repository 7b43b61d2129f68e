import { ConfigError, loadConfig } from '@stegvis/config';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApi(config);
  await app.listen(config.port);
  // Graceful stop: stop accepting requests, let those in flight finish, close the store, exit 0.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const lines = [
    '',
    `Stegvis körs på ${url}`,
    `  Instrumentpanel (styrelse och förbundschef): ${url}/`,
    `  API-dokumentation: ${url}/docs`,
    `  Händelselager: ${config.eventStoreUrl ? 'EventStoreDB/KurrentDB' : `SQLite i ${config.dataDir}/events.db`}`,
  ];
  if (config.auth.generated) {
    lines.push(
      `  AUTH_SECRET saknas: en utvecklingsnyckel sparades i ${config.dataDir}/dev-auth-secret`,
      '  Skapa en token: npm run token -- --role chief --association <förbunds-id>',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
