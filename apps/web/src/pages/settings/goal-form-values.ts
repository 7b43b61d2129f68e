import { Goal, goalKinds } from '@stegvis/domain';
import { z } from 'zod';
import { chosen } from '../participants/form-values';

// The goal form's controls (text, choices; shares typed in percent) turned into the domain's
// Goal, so its schema decides; each refusal is shown at the control it is about.

const text = z.string();
const codes = z
  .array(text)
  .or(z.literal(false).transform((): string[] => []))
  .or(text.transform((one) => (one === '' ? [] : [one])));

const GoalControls = z.object({
  kind: chosen(goalKinds.schema, 'Välj vilken sorts mål det är.'),
  label: text,
  id: text,
  target: text,
  outcomes: codes,
  statuses: codes,
  aims: codes,
  source: text,
  rule: text,
  min: text,
  maxDeviation: text,
  question: text,
  atLeast: text,
  phase: text,
  monthsAfterExit: text,
});
export type GoalValues = z.input<typeof GoalControls>;
type Controls = z.output<typeof GoalControls>;

/** "80" or "87,5" (percent) → 0.8 / 0.875; anything else undefined. */
export function shareOf(typed: string): number | undefined {
  const trimmed = typed.trim().replace(',', '.').replace(/\s*%$/, '');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const percent = Number(trimmed);
  return percent >= 0 && percent <= 100 ? percent / 100 : undefined;
}

const wholeOf = (typed: string): number | undefined =>
  /^\s*\d+\s*$/.test(typed) ? Number(typed) : undefined;

/** A goal's key from its name, when the chief leaves it out: "Nöjda deltagare" → "nojda-deltagare". */
export function keyFromLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

const PERCENT = 'Skriv målet i procent, ett tal mellan 0 och 100, till exempel 80.';

/** The goal the controls describe, or the first control-level refusal. */
function goalOf(c: Controls): { goal: unknown } | { field: keyof Controls; message: string } {
  const base = { id: c.id.trim() || keyFromLabel(c.label), label: c.label, kind: c.kind };
  const target = shareOf(c.target);
  const needsTarget = c.kind !== 'participantCount' && c.kind !== 'genderBalance';
  if (needsTarget && target === undefined) return { field: 'target', message: PERCENT };
  switch (c.kind) {
    case 'outcomeShare':
      return {
        goal: {
          ...base,
          outcomes: c.outcomes,
          ...(c.aims.length > 0 ? { among: { aims: c.aims } } : {}),
          target,
        },
      };
    case 'satisfactionShare':
    case 'planAtExitShare':
      return { goal: { ...base, target } };
    case 'positiveProgressShare':
      return {
        goal: {
          ...base,
          source: c.source,
          ...(c.source === 'selfAssessment' && c.rule !== '' ? { rule: c.rule } : {}),
          target,
        },
      };
    case 'participantCount': {
      const min = wholeOf(c.min);
      if (min === undefined) {
        return {
          field: 'min',
          message: 'Skriv antalet deltagare som ett heltal, till exempel 40.',
        };
      }
      return { goal: { ...base, min } };
    }
    case 'genderBalance': {
      const maxDeviation = shareOf(c.maxDeviation);
      if (maxDeviation === undefined) {
        return {
          field: 'maxDeviation',
          message: 'Skriv skillnaden i procentenheter, ett tal mellan 0 och 100, till exempel 20.',
        };
      }
      return { goal: { ...base, maxDeviation } };
    }
    case 'itemShare': {
      const [instrument, item] = c.question.split('/');
      if (!instrument || !item) return { field: 'question', message: 'Välj frågan målet gäller.' };
      const atLeast = wholeOf(c.atLeast);
      if (atLeast === undefined) {
        return { field: 'atLeast', message: 'Skriv det lägsta svaret som räknas, till exempel 4.' };
      }
      return { goal: { ...base, instrument, item, atLeast, phase: c.phase, target } };
    }
    case 'assignmentGoalShare':
      return { goal: { ...base, ...(c.aims.length > 0 ? { aims: c.aims } : {}), target } };
    case 'followUpShare':
      return {
        goal: {
          ...base,
          monthsAfterExit: wholeOf(c.monthsAfterExit),
          outcomes: c.statuses,
          target,
        },
      };
  }
}

/** Where the domain's path of a refusal is shown in this form. */
const FIELD_OF: Record<string, keyof Controls> = {
  among: 'aims',
  instrument: 'question',
  item: 'question',
};

/** The form's schema; `taken` are the keys of the year's other goals. */
export function goalForm(taken: readonly string[]) {
  return GoalControls.transform((controls, ctx): Goal => {
    const built = goalOf(controls);
    if ('field' in built) {
      ctx.addIssue({ code: 'custom', message: built.message, path: [built.field] });
      return z.NEVER;
    }
    const goal = Goal.safeParse(built.goal);
    if (!goal.success) {
      for (const issue of goal.error.issues) {
        const [first] = issue.path;
        const field =
          first === 'outcomes' && controls.kind === 'followUpShare'
            ? 'statuses'
            : (FIELD_OF[String(first)] ?? String(first ?? 'kind'));
        ctx.addIssue({ code: 'custom', message: issue.message, path: [field] });
      }
      return z.NEVER;
    }
    if (taken.includes(goal.data.id)) {
      ctx.addIssue({
        code: 'custom',
        message: `Årets mål har redan ett mål med nyckeln ${goal.data.id}. Skriv en annan nyckel.`,
        path: ['id'],
      });
      return z.NEVER;
    }
    return goal.data;
  });
}

export const blankGoal = (): GoalValues => ({
  kind: '',
  label: '',
  id: '',
  target: '',
  outcomes: [],
  statuses: [],
  aims: [],
  source: 'selfAssessment',
  rule: '',
  min: '',
  maxDeviation: '',
  question: '',
  atLeast: '',
  phase: 'exit',
  monthsAfterExit: '6',
});
