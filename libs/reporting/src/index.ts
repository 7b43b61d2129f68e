export * from './projections';
