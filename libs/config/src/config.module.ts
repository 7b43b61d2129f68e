import type { DynamicModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './app-config';

class ConfigModule {}

/** Makes the validated configuration injectable everywhere as APP_CONFIG. */
export const configModule = (config: AppConfig): DynamicModule => ({
  module: ConfigModule,
  global: true,
  providers: [{ provide: APP_CONFIG, useValue: config }],
  exports: [APP_CONFIG],
});
