import { z } from 'zod';

export const PageLimit = z
  .string()
  .regex(/^\d{1,3}$/, 'limit ska vara ett heltal 1–500.')
  .transform(Number)
  .pipe(z.number().int().min(1).max(500))
  .optional()
  .transform((limit) => limit ?? 100);

/** A global log position as written by a write's answer (`position`). */
export const MinPosition = z
  .string()
  .regex(/^\d{1,20}$/, 'minPosition ska vara en position ur ett tidigare svar.')
  .transform((p) => BigInt(p))
  .optional();
