import { z } from 'zod';

/*
 * Answers the OpenAPI document does not describe yet, read narrowly: only the fields the pages
 * use, checked at run time. Each goes away when the document gains its schema (then the
 * generated types carry it and the compiler finds every use).
 *
 * - POST /v1/associations/{aid}/exports: 202 { jobId }
 * - GET /v1/exports/{jobId}: the job's state, progress and file
 * - a goal's per-dimension shares (DESIGN §4 v1.1), not in the report yet
 */

export const ExportAccepted = z.object({ jobId: z.string().min(1) });

export const ExportStatus = z.object({
  state: z.enum(['waiting', 'active', 'completed', 'failed']),
  progress: z.number().min(0).max(100).catch(0),
  file: z.object({ fileName: z.string() }).nullable().catch(null),
  error: z.string().optional().catch(undefined),
});
export type ExportStatus = z.infer<typeof ExportStatus>;

const DimensionShare = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable().optional(),
});

/** A goal's own share per dimension, once the report carries it (`byDimension`). */
export function goalDimensions(
  goal: object,
): { readonly dimension: string; readonly numerator: number; readonly denominator: number }[] {
  if (!('byDimension' in goal)) return [];
  const parsed = z.record(z.string(), DimensionShare).safeParse(goal.byDimension);
  if (!parsed.success) return [];
  return Object.entries(parsed.data).map(([dimension, share]) => ({ dimension, ...share }));
}
