import { z } from 'zod';
import { AssessmentPhase, Outcome } from './vocabulary';

const Share = z.number().min(0).max(1);
const GoalBase = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'Målets id får bara innehålla a–z, 0–9, _ och -.'),
  label: z.string().trim().min(1).max(200),
};

/** A measurable target for one year (DESIGN §4). All shares are 0–1. */
export const Goal = z.discriminatedUnion('kind', [
  z.strictObject({
    ...GoalBase,
    kind: z.literal('outcomeShare'),
    outcomes: z.array(Outcome).min(1),
    target: Share,
  }),
  z.strictObject({ ...GoalBase, kind: z.literal('satisfactionShare'), target: Share }),
  z.strictObject({
    ...GoalBase,
    kind: z.literal('positiveProgressShare'),
    source: z.enum(['selfAssessment', 'ladder']),
    dimensions: z.array(z.string().min(1).max(64)).min(1).optional(),
    target: Share,
  }),
  z.strictObject({
    ...GoalBase,
    kind: z.literal('participantCount'),
    min: z.number().int().min(0),
  }),
  z.strictObject({ ...GoalBase, kind: z.literal('genderBalance'), maxDeviation: Share }),
  z.strictObject({ ...GoalBase, kind: z.literal('planAtExitShare'), target: Share }),
  z.strictObject({
    ...GoalBase,
    kind: z.literal('itemShare'),
    instrument: z.string().min(1).max(64),
    item: z.string().min(1).max(64),
    atLeast: z.number().int(),
    phase: AssessmentPhase,
    target: Share,
  }),
]);
export type Goal = z.infer<typeof Goal>;

/** A year as written in a path: four digits, nothing Number() would also accept (0x7E9, 2.025e3). */
export const GoalYear = z
  .string()
  .regex(/^\d{4}$/, 'Året ska skrivas med fyra siffror.')
  .transform(Number)
  .pipe(z.number().int().min(2000).max(2100));

export const Goals = z.array(Goal).max(50);
