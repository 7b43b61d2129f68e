export * from './projection';
export * from './associations.projection';
export * from './interventions.projection';
export * from './participants.projection';
export * from './registry';
export * from './apply-events';
export * from './projected-state';
export * from './association-events';
