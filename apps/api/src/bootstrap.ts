import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@stegvis/config';
import { Logger } from 'nestjs-pino';
import { FirstAdminSetup } from './accounts/first-admin-setup';
import { AppModule } from './app.module';
import { Metrics } from './operations/metrics';
import { jsonBody } from './platform/json-body';
import { apiDocument } from './platform/openapi/api-document';
import { secureHeaders } from './platform/secure-headers';

/** Builds the configured API application (used by main.ts and by the end-to-end tests). */
export async function createApi(
  config: AppConfig,
  options: { logs?: boolean } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    bufferLogs: true,
    bodyParser: false,
    logger: options.logs === false ? false : undefined,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  app.use(secureHeaders);
  app.use(app.get(Metrics).timeRequests);
  app.use(jsonBody);
  app.disable('x-powered-by');
  // ETags carry stream revisions (RevisionETagInterceptor), not body hashes.
  app.set('etag', false);
  const document = apiDocument(app);
  SwaggerModule.setup('docs', app, document);
  return app;
}

/** The first admin's one-time setup address, once (what main.ts prints at the first start). */
export function takeSetupAddress(app: INestApplication): string | undefined {
  return app.get(FirstAdminSetup).takeAddress();
}
