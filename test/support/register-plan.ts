import type { Api } from './api-harness';
import { bearer, createTenant, type Tenant } from './world';
import type { Planned } from './year-plan';

export type RegisteredYear = {
  readonly tenant: Tenant;
  readonly navetId: string;
  /** Participant ids in plan order. */
  readonly participants: readonly string[];
  /** Position of the last write: pass as minPosition to read it back. */
  readonly position: string;
};

const STEGVIS = (score: number) => ({
  self_esteem: score,
  wellbeing: score,
  social_ability: score,
  employability: score,
  future_hope: score,
});

/**
 * Registers the plan through the HTTP API as insats staff would: the association's goals,
 * Navet (Navet's indicators, started 2024) besides the tenant's Resurslotsen and Psykeveckan,
 * head counts, and every participant's milestones. One answer is recorded wrongly and
 * retracted; one extra participant is erased.
 */
export async function registerYear(api: Api, plan: readonly Planned[]): Promise<RegisteredYear> {
  const tenant = await createTenant(api, 0);
  const chief = bearer(tenant.chief);
  let position = '0';
  const post = async (path: string, body: unknown, status = 201) => {
    const res = await api.http
      .post(path)
      .set(chief)
      .send(body as object)
      .expect(status);
    if (typeof res.body?.position === 'string') position = res.body.position;
    return res.body as { participantId?: string; eventIds?: string[]; position?: string };
  };
  const put = (path: string, body: unknown) =>
    api.http
      .put(path)
      .set(chief)
      .send(body as object)
      .expect(200);

  const navet = await post(`/v1/associations/${tenant.associationId}/interventions`, {
    name: 'Navet',
    kind: 'individual',
    parties: ['AF', 'MUNICIPALITY'],
    startsOn: '2024-01-01',
    instrument: 'navet-indikatorer',
  });
  const navetId = (navet as { interventionId: string }).interventionId;

  await put(`/v1/associations/${tenant.associationId}/goals/2025`, {
    goals: [
      { id: 'antal', label: 'Minst 30 deltagare', kind: 'participantCount', min: 30 },
      { id: 'jamstalldhet', label: 'Jämställd tillgång', kind: 'genderBalance', maxDeviation: 0.2 },
    ],
  });
  await put(`/v1/interventions/${tenant.interventionId}/goals/2025`, {
    goals: [
      { id: 'nojda', label: 'Minst 85 % nöjda', kind: 'satisfactionShare', target: 0.85 },
      {
        id: 'arbete-studier',
        label: 'Arbete eller studier',
        kind: 'outcomeShare',
        outcomes: ['work', 'studies'],
        target: 0.35,
      },
      {
        id: 'stegforflyttning',
        label: 'Positiv stegförflyttning',
        kind: 'positiveProgressShare',
        source: 'selfAssessment',
        target: 0.33,
      },
      { id: 'plan', label: 'Plan vid avslut', kind: 'planAtExitShare', target: 0.8 },
    ],
  });
  await put(`/v1/interventions/${navetId}/goals/2025`, {
    goals: [
      {
        id: 'stod',
        label: 'Får det stöd jag behöver',
        kind: 'itemShare',
        instrument: 'navet-indikatorer',
        item: 'support_needed',
        atLeast: 4,
        phase: 'followup',
        target: 0.9,
      },
    ],
  });
  await post(`/v1/interventions/${tenant.structuralId}/attendance`, {
    occurredOn: '2025-03-10',
    women: 40,
    men: 15,
    other: 2,
  });
  await post(`/v1/interventions/${tenant.structuralId}/attendance`, {
    occurredOn: '2025-09-01',
    women: 10,
    men: 5,
    other: 0,
  });

  const participants: string[] = [];
  let retracted = false;
  for (const p of plan) {
    const iid = p.intervention === 'navet' ? navetId : tenant.interventionId;
    const { participantId } = await post(`/v1/interventions/${iid}/participants`, {
      enrolledOn: p.enrolledOn,
      gender: p.gender,
      birthYear: p.birthYear,
      referringParty: p.referringParty,
      incomeSource: 'sickness_benefit',
      educationLevel: 'upper_secondary',
      supportDurationBefore: '1_2y',
    });
    const pid = participantId as string;
    participants.push(pid);
    const at = `/v1/participants/${pid}`;
    if (p.intervention === 'resurslotsen') {
      await post(`${at}/self-assessments`, {
        instrument: 'stegvis-5',
        phase: 'start',
        assessedOn: p.enrolledOn,
        scores: STEGVIS(5),
      });
    } else {
      await post(`${at}/self-assessments`, {
        instrument: 'navet-indikatorer',
        phase: 'followup',
        assessedOn: p.enrolledOn < '2025-01-01' ? '2025-01-01' : p.enrolledOn,
        scores: { support_needed: p.improves ? 5 : 3 },
      });
    }
    if (p.exit === undefined) continue;
    if (p.intervention === 'resurslotsen') {
      await post(`${at}/self-assessments`, {
        instrument: 'stegvis-5',
        phase: 'exit',
        assessedOn: p.exit.on,
        scores: { ...STEGVIS(5), employability: p.improves ? 7 : 4 },
      });
    }
    if (p.satisfaction !== undefined) {
      if (!retracted) {
        const wrong = await post(`${at}/satisfaction`, {
          score: 6 - p.satisfaction,
          answeredOn: p.exit.on,
        });
        await post(`${at}/retractions`, { eventId: wrong.eventIds?.[0], reason: 'wrong_value' });
        retracted = true;
      }
      await post(`${at}/satisfaction`, { score: p.satisfaction, answeredOn: p.exit.on });
    }
    await post(`${at}/exit`, {
      exitedOn: p.exit.on,
      outcome: p.exit.outcome,
      incomeSource: p.exit.outcome === 'work' ? 'salary' : 'unknown',
      planHandedOver: p.exit.plan,
    });
  }

  // Withdrawn consent: this participant must vanish from every figure.
  const { participantId: erased } = await post(
    `/v1/interventions/${tenant.interventionId}/participants`,
    {
      enrolledOn: '2025-05-05',
      gender: 'woman',
      birthYear: 1990,
      referringParty: 'FK',
      incomeSource: 'sickness_benefit',
      educationLevel: 'upper_secondary',
      supportDurationBefore: '1_2y',
    },
  );
  await post(`/v1/participants/${erased}/satisfaction`, { score: 5, answeredOn: '2025-06-01' });
  await post(`/v1/participants/${erased}/exit`, {
    exitedOn: '2025-06-01',
    outcome: 'work',
    incomeSource: 'salary',
    planHandedOver: true,
  });
  await api.http
    .delete(`/v1/participants/${erased}`)
    .set(chief)
    .send({ reason: 'consent_withdrawn' })
    .expect(204);
  const head = await api.store.headPosition();
  return { tenant, navetId, participants, position: String(head ?? position) };
}
