export * from './projections';
export * from './report';
