import { addMonths, FOLLOW_UP_MONTHS, type FollowUpMonths } from '@stegvis/domain';
import { followUpsOf, type ParticipantSummary } from '@stegvis/reporting';
import { z } from 'zod';

/** One participant in a staff list: status and what is missing, never more than the list needs. */
export const ParticipantListItem = z.object({
  participantId: z.string(),
  interventionId: z.string(),
  status: z.enum(['active', 'exited']),
  enrolledOn: z.string(),
  exitedOn: z.string().nullable(),
  gender: z.string(),
  birthYear: z.number().int(),
  referringParty: z.string(),
  /** What the staff page lists as missing; retracted entries do not count. */
  hasStartAssessment: z.boolean().describe('Har en självskattning vid start'),
  hasExitAssessment: z.boolean().describe('Har en självskattning vid slut'),
  hasSatisfaction: z.boolean().describe('Har svarat på nöjdhet'),
  /** Months after exit whose mark has passed without a follow-up recorded (3, 6, 12). */
  followUpsDue: z.array(z.number().int()),
  /** Global position of the participant's last event: orders participants by last change. */
  lastChange: z.string().describe('Positionen för deltagarens senaste händelse'),
});
export type ParticipantListItem = z.infer<typeof ParticipantListItem>;

/** The follow-up marks reached by `today` and not yet recorded; none before the exit. */
export function followUpsDue(p: ParticipantSummary, today: string): FollowUpMonths[] {
  if (p.exit === null) return [];
  const { exitedOn } = p.exit;
  const recorded = new Set(followUpsOf(p).map((f) => f.monthsAfterExit));
  return FOLLOW_UP_MONTHS.filter(
    (months) => !recorded.has(months) && addMonths(exitedOn, months) <= today,
  );
}

export function participantListItem(p: ParticipantSummary, today: string): ParticipantListItem {
  return {
    participantId: p.participantId,
    interventionId: p.interventionId,
    status: p.exit === null ? 'active' : 'exited',
    enrolledOn: p.enrolledOn,
    exitedOn: p.exit?.exitedOn ?? null,
    gender: p.gender,
    birthYear: p.birthYear,
    referringParty: p.referringParty,
    hasStartAssessment: p.assessments.some((a) => a.phase === 'start'),
    hasExitAssessment: p.assessments.some((a) => a.phase === 'exit'),
    hasSatisfaction: p.satisfaction.length > 0,
    followUpsDue: followUpsDue(p, today),
    lastChange: p.position,
  };
}
