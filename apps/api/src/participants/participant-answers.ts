import { z } from 'zod';
import { nameWholes } from '../platform/openapi/schema-dto';

/** GET /v1/participants/:pid, as the OpenAPI document describes it. */
export const ParticipantHistoryAnswer = z.object({
  participantId: z.string(),
  interventionId: z.string(),
  associationId: z.string(),
  status: z.enum(['active', 'exited']),
  enrolledOn: z.string(),
  exitedOn: z.string().nullable(),
  revision: z.number().int().describe('Strömmens revision: skicka den i If-Match'),
  events: z.array(
    z.object({
      id: z.string(),
      type: z.string().describe('Händelsens typ, t.ex. ParticipantEnrolled'),
      occurredOn: z.string(),
      recordedAt: z.string(),
      actor: z.string(),
      data: z.record(z.string(), z.unknown()),
      retracted: z.boolean(),
      retractedBy: z.string().optional().describe('Id för händelsen som återkallade denna'),
    }),
  ),
});

nameWholes({ ParticipantHistoryAnswer });
