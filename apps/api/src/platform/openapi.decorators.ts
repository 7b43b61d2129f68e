import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiZodBody } from './zod-validation';

const problem = { content: { 'application/problem+json': {} } };

/** OpenAPI for a write: its body schema, the retry/concurrency headers and the problem answers. */
export const WriteEndpoint = (body: z.ZodType) =>
  applyDecorators(
    ApiZodBody(body),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Samma nyckel vid omförsök ger samma svar och skriver inget nytt.',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'Revisionen du senast läste (en annan revision ger 409), eller * (uppgifterna ska finnas).',
    }),
    ApiResponse({ status: 400, description: 'Ogiltig begäran', ...problem }),
    ApiResponse({ status: 401, description: 'Inte inloggad', ...problem }),
    ApiResponse({ status: 403, description: 'Saknar behörighet', ...problem }),
    ApiResponse({ status: 404, description: 'Finns inte', ...problem }),
    ApiResponse({ status: 409, description: 'Samtidig ändring', ...problem }),
    ApiResponse({ status: 422, description: 'Bryter mot en domänregel', ...problem }),
  );
