export * from './projections';
export * from './report';
export * from './exports';
