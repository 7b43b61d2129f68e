import { computeReport } from './compute-report';
import { ReportMemo } from './report-memo';
import type { EventLog } from './testing/event-log';
import { year2026 } from './testing/year-2026';

const ALL3 = { self_esteem: 3, wellbeing: 3, social_ability: 3, employability: 3, future_hope: 3 };
const ALL4 = { self_esteem: 4, wellbeing: 4, social_ability: 4, employability: 4, future_hope: 4 };

describe('a report memo', () => {
  // The memo keeps tables while their inputs are the same documents; whatever changes, a
  // report with it must be exactly the report computed afresh.
  it('gives the same reports as fresh computations while the association changes', () => {
    const { log, a, b, c } = year2026();
    const state = log.state();
    let applied = log.events.length;
    const memo = new ReportMemo();
    const requests = [
      { year: 2026, today: '2026-12-01' },
      // The same period, over, on two days: different follow-up marks have come.
      { year: 2026, today: '2027-01-15' },
      { year: 2026, today: '2027-06-01' },
      { year: 2027, today: '2027-03-01' },
      { year: 2026, today: '2026-12-01', interventionId: a.interventionId },
      { year: 2026, today: '2026-12-01', interventionId: c.interventionId },
    ];
    const compare = (change: string) => {
      state.apply(log.events.slice(applied));
      applied = log.events.length;
      const { association, interventions, participants } = state.of(log.associationId);
      if (association === undefined) throw new Error('no association');
      for (const request of requests) {
        const input = { association, interventions, participants, checkpoint: 1n, ...request };
        const kept = JSON.stringify(computeReport({ ...input, memo }));
        expect({ change, request, report: kept }).toEqual({
          change,
          request,
          report: JSON.stringify(computeReport(input)),
        });
      }
    };
    const later = a.enrol({ on: '2026-03-01', gender: 'woman' });
    const changes: [string, (l: EventLog) => void][] = [
      ['nothing', () => undefined],
      ['an enrolment today', () => a.enrol({ on: '2026-12-01', gender: 'woman' })],
      ['an enrolment a year ago', () => b.enrol({ on: '2025-11-01', gender: 'man' })],
      [
        'an assessment, a step and an exit',
        () => {
          const p = a.enrol({ on: '2026-02-01', gender: 'other' });
          p.assess('start', '2026-02-01', ALL3);
          p.step(2, '2026-03-01');
          p.step(4, '2026-06-01');
          p.assess('exit', '2026-11-01', ALL4);
          p.exit('2026-11-01', 'work', 'salary');
        },
      ],
      [
        'a satisfaction answer, a follow-up, a retraction',
        () => {
          const p = b.enrol({ on: '2026-01-05', gender: 'woman' });
          p.exit('2026-02-01', 'studies', 'student_aid');
          p.satisfaction(5, '2026-02-01');
          p.followUp(3, '2026-05-02', 'work');
          p.retract(p.satisfaction(2, '2026-02-02'));
        },
      ],
      [
        'a correction and an erasure',
        () => {
          a.enrol({ on: '2026-04-01', gender: 'man' }).correct({ birthYear: 1960 });
          b.enrol({ on: '2026-04-01', gender: 'man' }).erase();
        },
      ],
      ['an earlier participant exits', () => later.exit('2026-11-20', 'job_seeking')],
      ['and answers', () => later.satisfaction(4, '2026-11-20')],
      ['head counts', () => c.attendance('2026-11-15', 3, 2, 1)],
      [
        'new goals',
        (l) => {
          l.associationGoals(2026, [
            { id: 'antal', label: 'Minst 2 deltagare', kind: 'participantCount', min: 2 },
          ]);
          a.goals(2026, [{ id: 'nojda', label: 'Nöjda', kind: 'satisfactionShare', target: 0.5 }]);
        },
      ],
    ];
    for (const [change, make] of changes) {
      make(log);
      compare(change);
    }
  });
});
