import { associationsProjection } from './associations.projection';
import { interventionsProjection } from './interventions.projection';
import { participantsProjection } from './participants.projection';
import { untyped, type UntypedProjection } from './projection';

export * from './projection';
export * from './associations.projection';
export * from './interventions.projection';
export * from './participants.projection';

/** Every read model, applied together under one checkpoint so they are always consistent. */
export const projections: readonly UntypedProjection[] = [
  untyped(associationsProjection),
  untyped(interventionsProjection),
  untyped(participantsProjection),
];
export * from './apply-events';
