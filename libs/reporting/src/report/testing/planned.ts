import { BUILT_IN_INSTRUMENTS, type Instrument } from '@stegvis/domain';
import type { PlannedInsats } from '../../../../domain/src/testing/outcome-years';
import { EventLog, type InterventionBuilder } from './event-log';

/**
 * Folds a planned year (libs/domain/src/testing/outcome-years.ts) into an event log, event by
 * event as the write API would record the same bodies, so report tests and HTTP tests share
 * one plan and one set of expected figures.
 */
export function plannedLog(
  insats: PlannedInsats,
  log = new EventLog(),
): {
  log: EventLog;
  insats: InterventionBuilder;
} {
  const { register, goals, participants } = insats;
  const [instrument, ...others] = (
    register.instruments ?? [register.instrument ?? 'stegvis-5']
  ).map(resolve);
  const builder = log
    .intervention({
      name: register.name,
      kind: register.kind,
      startsOn: register.startsOn,
      ...(instrument === undefined ? {} : { instrument }),
      ...(others.length === 0 ? {} : { instruments: others }),
    })
    .goals(goals.year, [...goals.goals]);
  for (const planned of participants) {
    const { enrol } = planned;
    const p = builder.enrol({
      on: enrol.enrolledOn,
      gender: enrol.gender,
      birthYear: enrol.birthYear,
      referringParty: enrol.referringParty,
      incomeSource: enrol.incomeSource,
      educationLevel: enrol.educationLevel,
      supportDurationBefore: enrol.supportDurationBefore,
      ...(enrol.referredOn === undefined ? {} : { referredOn: enrol.referredOn }),
      ...(enrol.assignment === undefined ? {} : { aim: enrol.assignment.aim }),
    });
    for (const a of planned.assessments ?? [])
      p.assess(a.phase, a.assessedOn, a.scores, a.instrument);
    if (planned.satisfaction !== undefined) {
      p.satisfaction(planned.satisfaction.score, planned.satisfaction.answeredOn);
    }
    const { exit } = planned;
    if (exit !== undefined) {
      p.exit(
        exit.exitedOn,
        exit.outcome,
        exit.incomeSource,
        exit.planHandedOver,
        exit.assignmentGoalReached,
      );
    }
    for (const f of planned.followUps ?? []) {
      p.followUp(f.monthsAfterExit, f.followedUpOn, f.status, f.incomeSource);
    }
    for (const c of planned.corrections ?? []) p.correct(c.fields);
  }
  return { log, insats: builder };
}

function resolve(choice: string | Instrument): Instrument {
  if (typeof choice !== 'string') return choice;
  const builtIn = BUILT_IN_INSTRUMENTS[choice];
  if (builtIn === undefined) throw new Error(`No built-in instrument ${choice}`);
  return builtIn;
}
