import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@stegvis/config';
import { Logger } from 'nestjs-pino';
import { WorkerAppModule } from './worker-app.module';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.redisUrl === undefined) {
    throw new ConfigError(
      'Arbetsprocessen kräver REDIS_URL. Utan Redis kör `npm start` API och arbetsprocess i en och samma process.',
    );
  }
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forConfig(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.init();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
  process.stdout.write('Stegvis arbetsprocess körs\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
