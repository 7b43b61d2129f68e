export * from './app-config';
export * from './logging';
export * from './config.module';
