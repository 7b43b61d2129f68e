import { z } from 'zod';
import { nameWholes } from './openapi/schema-dto';

/** What every write answers (DESIGN §5), as the OpenAPI document describes it. */
export const WriteAnswer = z.object({
  eventIds: z.array(z.string()).describe('De nya händelsernas id'),
  revision: z
    .number()
    .int()
    .nullable()
    .describe('Strömmens revision efter skrivningen: skicka den i If-Match nästa gång'),
  position: z
    .string()
    .nullable()
    .describe('Sista händelsens position i loggen: skicka den som minPosition för att läsa in den'),
});

export const RegisteredAssociationAnswer = WriteAnswer.extend({ associationId: z.string() });
export const RegisteredInterventionAnswer = WriteAnswer.extend({ interventionId: z.string() });
export const EnrolledParticipantAnswer = WriteAnswer.extend({ participantId: z.string() });

nameWholes({
  WriteAnswer,
  RegisteredAssociationAnswer,
  RegisteredInterventionAnswer,
  EnrolledParticipantAnswer,
});
