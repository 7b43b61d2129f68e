import { z } from 'zod';
import { InstrumentKey, ItemKey, keyOf } from './instruments';
import { allowing, objectOf, sentence } from './shared/messages';
import { readableText } from './shared/text';
import {
  AssessmentPhase,
  AssignmentAim,
  FollowUpMonths,
  FollowUpStatus,
  Outcome,
  ProgressionRule,
  vocabulary,
} from './vocabulary';

/** A share is written 0–1: a percentage (85) is the mistake this message is for. */
const Share = z
  .number({ error: allowing('en andel mellan 0 och 1, t.ex. 0,85 för 85 % (i JSON 0.85)') })
  .min(0)
  .max(1);
const GoalBase = { id: keyOf('nojda'), label: readableText({ min: 1, max: 200 }) };

export const goalKinds = vocabulary({
  outcomeShare: 'Andel avslutade med vissa avslutsorsaker',
  satisfactionShare: 'Andel nöjda deltagare',
  positiveProgressShare: 'Andel med positiv förflyttning',
  participantCount: 'Antal deltagare',
  genderBalance: 'Jämn könsfördelning',
  planAtExitShare: 'Andel med plan vid avslut',
  itemShare: 'Andel med visst svar på en fråga',
  assignmentGoalShare: 'Andel avslutade som nått uppdragets mål',
  followUpShare: 'Andel med viss sysselsättning vid uppföljning efter avslut',
});

const Aims = z
  .array(AssignmentAim, {
    error: allowing('en lista med minst ett uppdrag, t.ex. ["self_sufficiency"]'),
  })
  .min(1);

/** A measurable target for one year (DESIGN §4). All shares are 0–1. */
export const Goal = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      ...GoalBase,
      kind: z.literal('outcomeShare'),
      outcomes: z
        .array(Outcome, {
          error: allowing('en lista med minst en avslutsorsak, t.ex. ["work", "studies"]'),
        })
        .min(1),
      /** v1.1: the denominator is limited to these uppdrag and without these outcomes. */
      among: z
        .strictObject(
          {
            aims: Aims.optional(),
            excludeOutcomes: z
              .array(Outcome, {
                error: allowing('en lista med avslutsorsaker, t.ex. ["moved", "health"]'),
              })
              .optional(),
          },
          { error: objectOf('aims och/eller excludeOutcomes') },
        )
        .optional(),
      target: Share,
    }),
    z.strictObject({ ...GoalBase, kind: z.literal('satisfactionShare'), target: Share }),
    z.strictObject({
      ...GoalBase,
      kind: z.literal('positiveProgressShare'),
      source: z.enum(['selfAssessment', 'ladder']),
      dimensions: z
        .array(ItemKey, {
          error: allowing('en lista med minst en av formulärets frågor, t.ex. ["wellbeing"]'),
        })
        .min(1)
        .optional(),
      /** v1.1: what counts as positive; `anyImproved` (v1's meaning) when absent. */
      rule: ProgressionRule.optional(),
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
      instrument: InstrumentKey,
      item: ItemKey,
      atLeast: z.number().int(),
      phase: AssessmentPhase,
      target: Share,
    }),
    z.strictObject({
      ...GoalBase,
      kind: z.literal('assignmentGoalShare'),
      aims: Aims.optional(),
      target: Share,
    }),
    z.strictObject({
      ...GoalBase,
      kind: z.literal('followUpShare'),
      monthsAfterExit: FollowUpMonths,
      outcomes: z
        .array(FollowUpStatus, {
          error: allowing('en lista med minst en sysselsättning, t.ex. ["work", "studies"]'),
        })
        .min(1),
      target: Share,
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? sentence(
            { path: issue.path, input: (issue.input as { kind?: unknown }).kind },
            goalKinds.allowed,
          )
        : sentence(issue, 'ett mål: ett objekt med id, label, kind och målets värden'),
  },
);
export type Goal = z.infer<typeof Goal>;

/** A year as written in a path: four digits, nothing Number() would also accept (0x7E9, 2.025e3). */
const YEAR_ALLOWED = 'ett år mellan 2000 och 2100 skrivet med fyra siffror, t.ex. 2026';
export const GoalYear = z
  .string({ error: allowing(YEAR_ALLOWED) })
  .regex(/^\d{4}$/)
  .transform(Number)
  .pipe(
    z
      .number({ error: allowing(YEAR_ALLOWED) })
      .int()
      .min(2000)
      .max(2100),
  );

export const Goals = z.array(Goal, { error: allowing('en lista med högst 50 mål') }).max(50);
