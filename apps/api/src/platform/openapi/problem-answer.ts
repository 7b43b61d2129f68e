import { z } from 'zod';

/** RFC 9457 problem+json, as ProblemDetailsFilter writes it: every error answer of the API. */
export const Problem = z.object({
  type: z.string().describe('Adress som identifierar felet'),
  title: z.string().describe('Felets slag, på svenska'),
  status: z.number().int().describe('HTTP-status'),
  detail: z.string().describe('Vad som gick fel och vad du kan göra, på svenska'),
  code: z.string().describe('Stabil kod för program att känna igen felet på'),
  instance: z.string().describe('Sökvägen som anropades (utan frågesträng)'),
  errors: z
    .array(
      z.object({
        path: z.string().describe('Var värdet fanns: body.gender, params.pid, query.to'),
        message: z.string().describe('Vad som gäller för värdet, på svenska'),
        code: z.string(),
      }),
    )
    .optional()
    .describe('Vid 400: varje fel i begäran'),
  currentRevision: z
    .number()
    .int()
    .nullable()
    .optional()
    .describe('Vid 409 efter If-Match: revisionen uppgifterna har nu'),
});

export const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** The content of an error answer: problem+json with the Problem schema. */
export const problemAnswer = {
  content: { 'application/problem+json': { schema: PROBLEM_REF } },
};
