import { associationsProjection } from './associations.projection';
import { interventionsProjection } from './interventions.projection';
import { participantsProjection } from './participants.projection';
import { untyped, type UntypedProjection } from './projection';

/** Every read model, applied together under one checkpoint so they are always consistent. */
export const projections: readonly UntypedProjection[] = [
  untyped(associationsProjection),
  untyped(interventionsProjection),
  untyped(participantsProjection),
];
