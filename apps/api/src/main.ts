import { exitOnBootError, loadConfig, announce } from '@stegvis/config';
import { createApi } from './bootstrap';
import { FirstAdminSetup } from './accounts/first-admin-setup';

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
  const store = config.eventStoreUrl
    ? 'EventStoreDB/KurrentDB'
    : `SQLite i ${config.dataDir}/events.db`;
  // One log line like every other (JSON for collectors), written as sentences for the person
  // who ran `npm start`: on a terminal it is printed as the text below.
  const lines = [
    `Stegvis körs på ${url}`,
    `  Webbapplikationen: ${url}/`,
    `  API-dokumentation: ${url}/docs`,
    `  Händelselager: ${store}`,
  ];
  const setup = app.get(FirstAdminSetup).takeAddress();
  lines.push(
    setup === undefined
      ? `  Logga in: ${url}/logga-in`
      : `  Inga användare finns än. Skapa den första administratören (adressen fungerar en gång): ${url}${setup}`,
  );
  if (config.auth.generated) {
    lines.push(
      `  AUTH_SECRET saknas: en utvecklingsnyckel sparades i ${config.dataDir}/dev-auth-secret`,
      '  Skapa en token: npm run token -- --role chief --association <förbunds-id>',
    );
  }
  announce(
    {
      url,
      web: `${url}/`,
      docs: `${url}/docs`,
      ...(setup ? { setup: `${url}${setup}` } : {}),
    },
    lines.join('\n'),
  );
}

main().catch(exitOnBootError);
