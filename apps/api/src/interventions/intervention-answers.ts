import { z } from 'zod';
import { ParticipantListItem } from '../participants/participant-list-item';
import { nameWholes } from '../platform/openapi/schema-dto';
import { InterventionView } from './intervention-view';

/** GET /v1/interventions/:iid/participants, as the OpenAPI document describes it. */
export const ParticipantListAnswer = z.object({
  items: z.array(ParticipantListItem),
  next: z.string().nullable().describe('Skicka som after för nästa sida; null på sista sidan'),
  checkpoint: z.string().nullable().describe('Sista händelsen som svaret bygger på'),
});

nameWholes({ InterventionView, ParticipantListAnswer });
