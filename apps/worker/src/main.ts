import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, exitOnBootError, loadConfig, announce } from '@stegvis/config';
import { Logger } from 'nestjs-pino';
import { WorkerAppModule } from './worker-app.module';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.redisUrl === undefined) {
    throw new ConfigError(
      'Arbetsprocessen kräver REDIS_URL. Utan Redis kör `npm start` API och arbetsprocess i en och samma process.',
    );
  }
  const app = await NestFactory.create<NestExpressApplication>(WorkerAppModule.forConfig(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  await app.listen(config.workerPort);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  announce(
    { url },
    `Stegvis arbetsprocess körs; hälsa på ${url}/health/ready och mätvärden på ${url}/metrics`,
  );
}

main().catch(exitOnBootError);
