import type { Goal } from '@stegvis/domain';
import {
  assignmentAimLabel,
  followUpMarkLabel,
  followUpStatusLabel,
  outcomeLabel,
  phaseLabel,
  progressionRuleLabel,
  type ItemLabel,
} from '../../labels';
import { goalTarget } from '../report/goal-texts';

/** What each kind of goal measures, in the words a chief uses when choosing it (DESIGN §4). */
export const GOAL_EXPLANATIONS: Record<Goal['kind'], string> = {
  outcomeShare:
    'Andel av de avslutade som gått till det du kryssar i, till exempel arbete eller studier.',
  satisfactionShare:
    'Andel av de avslutade som svarat på nöjdhetsfrågan och är nöjda (svarat 4 eller 5 av 5).',
  positiveProgressShare:
    'Andel av de avslutade som står högre vid avslutet än vid starten, i självskattningen eller på stegtrappan.',
  participantCount: 'Antal deltagare som varit inskrivna någon gång under året.',
  genderBalance:
    'Hur jämnt könen är fördelade: skillnaden mellan andelen kvinnor och andelen män bland årets deltagare får vara högst så här många procentenheter.',
  planAtExitShare: 'Andel av de avslutade som fått en plan med sig vid avslutet.',
  itemShare:
    'Andel av dem som svarat på en fråga i självskattningen som svarat minst ett visst värde, till exempel minst 4 på "Jag får det stöd jag behöver".',
  assignmentGoalShare: 'Andel av de avslutade med ett uppdrag som nått uppdragets mål.',
  followUpShare:
    'Andel av dem som följts upp en tid efter avslutet som då har den sysselsättning du kryssar i, till exempel arbete eller studier.',
};

const listOf = (label: (code: string) => string, codes: readonly string[]) =>
  new Intl.ListFormat('sv-SE', { type: 'disjunction' }).format(
    codes.map((code) => label(code).toLowerCase()),
  );

const targetOf = (goal: Goal): number => {
  switch (goal.kind) {
    case 'participantCount':
      return goal.min;
    case 'genderBalance':
      return goal.maxDeviation;
    default:
      return goal.target;
  }
};

/**
 * What a goal measures, in one sentence: "Andel av de avslutade som gått till arbete eller
 * studier". `itemLabel` names the items of the insatser's instruments.
 */
export function goalMeasure(goal: Goal, itemLabel: ItemLabel): string {
  switch (goal.kind) {
    case 'outcomeShare': {
      const among = goal.among?.aims
        ? ` (bland dem med uppdrag ${listOf(assignmentAimLabel, goal.among.aims)})`
        : '';
      return `Andel av de avslutade som gått till ${listOf(outcomeLabel, goal.outcomes)}${among}`;
    }
    case 'satisfactionShare':
      return 'Andel nöjda av de avslutade som svarat';
    case 'positiveProgressShare': {
      const source = goal.source === 'ladder' ? 'på stegtrappan' : 'i självskattningen';
      const rule =
        goal.source === 'selfAssessment' && goal.rule
          ? `: ${progressionRuleLabel(goal.rule).toLowerCase()}`
          : '';
      return `Andel av de avslutade som står högre vid avslutet ${source}${rule}`;
    }
    case 'participantCount':
      return 'Antal deltagare under året';
    case 'genderBalance':
      return 'Skillnad mellan andelen kvinnor och män';
    case 'planAtExitShare':
      return 'Andel av de avslutade med plan vid avslutet';
    case 'itemShare':
      return `Andel som svarat minst ${goal.atLeast} på "${itemLabel(goal.item, goal.instrument)}" vid ${phaseLabel(goal.phase).toLowerCase()}`;
    case 'assignmentGoalShare':
      return goal.aims
        ? `Andel av de avslutade med uppdrag ${listOf(assignmentAimLabel, goal.aims)} som nått uppdragets mål`
        : 'Andel av de avslutade med uppdrag som nått uppdragets mål';
    case 'followUpShare':
      return `Andel i ${listOf(followUpStatusLabel, goal.outcomes)} ${followUpMarkLabel(goal.monthsAfterExit)}`;
  }
}

/** The goal's target as the report says it: "minst 80 %". */
export const goalTargetText = (goal: Goal): string =>
  goalTarget({ kind: goal.kind, target: targetOf(goal) });
