import type { Instrument } from '@stegvis/domain';
import { EventLog } from './event-log';

/** Navet's own questionnaire: an intervention with its own instrument. */
export const NAVET_OWN: Instrument = {
  key: 'navet-egen',
  label: 'Navets egna frågor',
  items: [
    { key: 'support', label: 'Jag får det stöd jag behöver', min: 1, max: 5 },
    { key: 'ready', label: 'Jag är mer redo att arbeta', min: 1, max: 5 },
  ],
};

/**
 * A hand-computed year (2026) of one association: Resurslotsen (individual, stegvis-5),
 * Navet (individual, own instrument) and Psykeveckan (structural, head counts). The expected
 * figures are worked out participant by participant in compute-report.spec.ts.
 */
export function year2026() {
  const log = new EventLog();
  log.associationGoals(2026, [
    { id: 'antal', label: 'Minst 12 deltagare', kind: 'participantCount', min: 12 },
    {
      id: 'egen-forsorjning',
      label: 'Egen försörjning',
      kind: 'outcomeShare',
      outcomes: ['work', 'studies', 'job_seeking'],
      target: 0.35,
    },
  ]);

  const a = log.intervention({ name: 'Resurslotsen', startsOn: '2025-01-01' }).goals(2026, [
    { id: 'nojda', label: 'Nöjda deltagare', kind: 'satisfactionShare', target: 0.85 },
    {
      id: 'arbete-studier',
      label: 'Arbete eller studier',
      kind: 'outcomeShare',
      outcomes: ['work', 'studies'],
      target: 0.35,
    },
    {
      id: 'stegforflyttning',
      label: 'Stegförflyttning',
      kind: 'positiveProgressShare',
      source: 'selfAssessment',
      target: 0.33,
    },
    {
      id: 'trappa',
      label: 'Steg på trappan',
      kind: 'positiveProgressShare',
      source: 'ladder',
      target: 0.5,
    },
    { id: 'antal', label: 'Minst 10 deltagare', kind: 'participantCount', min: 10 },
    { id: 'jamstalldhet', label: 'Jämställd', kind: 'genderBalance', maxDeviation: 0.2 },
    { id: 'plan', label: 'Plan vid avslut', kind: 'planAtExitShare', target: 0.8 },
  ]);
  const all5 = {
    self_esteem: 5,
    wellbeing: 5,
    social_ability: 5,
    employability: 5,
    future_hope: 5,
  };
  const all6 = {
    self_esteem: 6,
    wellbeing: 6,
    social_ability: 6,
    employability: 6,
    future_hope: 6,
  };
  const all4 = {
    self_esteem: 4,
    wellbeing: 4,
    social_ability: 4,
    employability: 4,
    future_hope: 4,
  };

  // a1: enrolled the previous year, exits to work in March.
  const a1 = a.enrol({ on: '2025-10-01', gender: 'woman', birthYear: 1990, referringParty: 'FK' });
  a1.assess('start', '2025-10-01', all5);
  a1.step(2, '2025-10-01');
  a1.step(5, '2026-02-15');
  a1.satisfaction(5, '2026-02-28');
  a1.assess('exit', '2026-03-01', all6);
  a1.exit('2026-03-01', 'work', 'salary', true);

  const a2 = a.enrol({
    on: '2026-01-15',
    gender: 'man',
    birthYear: 2000,
    referringParty: 'AF',
    incomeSource: 'unemployment_support',
    educationLevel: 'compulsory',
    supportDurationBefore: 'under_1y',
  });
  a2.assess('start', '2026-01-15', all5);
  a2.step(3, '2026-01-15');
  a2.satisfaction(4, '2026-06-30');
  a2.assess('exit', '2026-06-30', all5);
  a2.exit('2026-06-30', 'studies', 'student_aid', true);

  const a3 = a.enrol({ on: '2026-02-01', gender: 'woman', birthYear: 1980, referringParty: 'FK' });
  a3.satisfaction(2, '2026-09-30');
  a3.exit('2026-09-30', 'dropped_out', 'social_assistance', false);

  // a4: a retracted satisfaction answer (1) and a later one (5).
  const a4 = a.enrol({
    on: '2026-03-01',
    gender: 'man',
    birthYear: 1970,
    referringParty: 'MUNICIPALITY',
    incomeSource: 'social_assistance',
    educationLevel: 'post_secondary',
    supportDurationBefore: 'over_5y',
  });
  a4.assess('start', '2026-03-01', { employability: 3 });
  const wrong = a4.satisfaction(1, '2026-10-01');
  a4.retract(wrong);
  a4.satisfaction(5, '2026-10-10');
  a4.assess('exit', '2026-10-15', { employability: 4 });
  a4.exit('2026-10-15', 'job_seeking', 'unknown', true);

  // a5: exits in the next year, so active at the end of 2026.
  const a5 = a.enrol({
    on: '2026-04-01',
    gender: 'woman',
    birthYear: 1995,
    referringParty: 'SELF',
    incomeSource: 'activity_compensation',
  });
  a5.exit('2027-01-10', 'work', 'salary', true);

  a.enrol({
    on: '2026-05-01',
    gender: 'other',
    birthYear: 2008,
    referringParty: 'REGION',
    incomeSource: 'none',
    educationLevel: 'unknown',
    supportDurationBefore: 'none',
  });

  const a7 = a.enrol({
    on: '2026-06-01',
    gender: 'woman',
    birthYear: 1960,
    referringParty: 'FK',
    incomeSource: 'salary',
  });
  a7.assess('start', '2026-06-01', all4);
  a7.step(2, '2026-06-01');
  a7.step(2, '2026-09-01');
  a7.satisfaction(4, '2026-11-30');
  a7.assess('exit', '2026-11-30', { ...all4, self_esteem: 3 });
  a7.exit('2026-11-30', 'work', 'salary', true);

  // a8 ended before 2026, a9 starts after it: neither counts.
  const a8 = a.enrol({ on: '2024-05-01', gender: 'man', birthYear: 1985 });
  a8.exit('2025-12-31', 'work', 'salary', true);
  a.enrol({ on: '2027-01-05', gender: 'woman', birthYear: 1990 });

  // a10: erased, counts nowhere.
  const a10 = a.enrol({ on: '2026-07-01', gender: 'man', birthYear: 1990 });
  a10.satisfaction(5, '2026-08-01');
  a10.exit('2026-08-01', 'work', 'salary', true);
  a10.erase();

  const a11 = a.enrol({
    on: '2026-08-01',
    gender: 'woman',
    birthYear: 1992,
    referringParty: 'OTHER',
  });
  a11.exit('2026-12-31', 'other_support', 'sickness_benefit', false);

  const b = log.intervention({ name: 'Navet', instrument: NAVET_OWN }).goals(2026, [
    {
      id: 'stod',
      label: 'Får det stöd jag behöver',
      kind: 'itemShare',
      instrument: 'navet-egen',
      item: 'support',
      atLeast: 4,
      phase: 'followup',
      target: 0.9,
    },
    {
      id: 'redo',
      label: 'Mer redo',
      kind: 'positiveProgressShare',
      source: 'selfAssessment',
      dimensions: ['ready'],
      target: 0.6,
    },
  ]);
  const b1 = b.enrol({ on: '2026-01-10', gender: 'woman', birthYear: 1999 });
  b1.assess('start', '2026-01-10', { support: 3, ready: 2 }, 'navet-egen');
  b1.assess('followup', '2026-03-01', { support: 5 }, 'navet-egen');
  b1.assess('exit', '2026-06-01', { support: 5, ready: 4 }, 'navet-egen');
  b1.exit('2026-06-01', 'work', 'salary', true);
  const b2 = b.enrol({ on: '2026-01-20', gender: 'man', birthYear: 1988 });
  b2.assess('start', '2026-01-20', { support: 2, ready: 3 }, 'navet-egen');
  b2.assess('followup', '2026-02-01', { support: 3 }, 'navet-egen');
  b2.assess('followup', '2026-04-01', { support: 4 }, 'navet-egen');
  b2.assess('exit', '2026-07-01', { support: 4, ready: 3 }, 'navet-egen');
  b2.exit('2026-07-01', 'health', 'sickness_compensation', true);
  const b3 = b.enrol({ on: '2026-02-01', gender: 'woman', birthYear: 1975 });
  b3.assess('followup', '2026-05-01', { support: 4 }, 'navet-egen');
  // b4: an answer from 2025 does not count in 2026; the one in February does.
  const b4 = b.enrol({ on: '2025-09-01', gender: 'woman', birthYear: 1983 });
  b4.assess('followup', '2025-11-01', { support: 1 }, 'navet-egen');
  b4.assess('followup', '2026-02-01', { support: 5 }, 'navet-egen');
  // b5: the only answer is retracted.
  const b5 = b.enrol({ on: '2026-03-01', gender: 'man', birthYear: 1990 });
  b5.retract(b5.assess('followup', '2026-04-01', { support: 4 }, 'navet-egen'));
  const b6 = b.enrol({ on: '2026-03-15', gender: 'other', birthYear: 2001 });
  b6.assess('followup', '2026-05-01', { support: 4 }, 'navet-egen');

  const c = log.intervention({ name: 'Psykeveckan', kind: 'structural' });
  c.attendance('2025-12-01', 5, 5, 0);
  c.attendance('2026-03-10', 30, 12, 1);

  return { log, a, b, c };
}
