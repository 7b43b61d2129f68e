import { z } from 'zod';
import { nameWholes } from '../platform/openapi/schema-dto';
import { InterventionView } from './intervention-view';

/** GET /v1/interventions/:iid/participants, as the OpenAPI document describes it. */
export const ParticipantListAnswer = z.object({
  items: z.array(
    z.object({
      participantId: z.string(),
      status: z.enum(['active', 'exited']),
      enrolledOn: z.string(),
      exitedOn: z.string().nullable(),
      gender: z.string(),
      birthYear: z.number().int(),
      referringParty: z.string(),
      hasStartAssessment: z.boolean().describe('Har en självskattning vid start'),
      hasExitAssessment: z.boolean().describe('Har en självskattning vid slut'),
      hasSatisfaction: z.boolean().describe('Har svarat på nöjdhet'),
      lastChange: z.string().describe('Positionen för deltagarens senaste händelse'),
    }),
  ),
  next: z.string().nullable().describe('Skicka som after för nästa sida; null på sista sidan'),
  checkpoint: z.string().nullable().describe('Sista händelsen som svaret bygger på'),
});

nameWholes({ InterventionView, ParticipantListAnswer });
