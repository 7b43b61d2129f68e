import { z } from 'zod';

/*
 * Answers the OpenAPI document does not describe yet, read narrowly: only the fields the pages
 * use, checked at run time. Each goes away when the document gains its schema (then the
 * generated types carry it and the compiler finds every use).
 *
 * - a goal's per-dimension shares (DESIGN §4 v1.1), not in the report yet
 */

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
