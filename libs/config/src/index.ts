export * from './app-config';
export * from './error-summary';
export * from './logging';
export * from './config.module';
