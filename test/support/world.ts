import type { Api } from './api-harness';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export const enrolment = {
  enrolledOn: '2025-03-03',
  gender: 'woman',
  birthYear: 1989,
  referringParty: 'FK',
  incomeSource: 'sickness_benefit',
  educationLevel: 'upper_secondary',
  supportDurationBefore: '2_5y',
};

/** Org numbers with valid check digits, third digit ≥ 2. */
export const ORG_NUMBERS = ['222000-1974', '222000-2170'] as const;

export type Tenant = {
  readonly associationId: string;
  readonly interventionId: string;
  readonly structuralId: string;
  readonly chief: string;
  readonly board: string;
  readonly staff: string;
  /** Staff of the same association, assigned to another intervention only. */
  readonly otherStaff: string;
};

/** An association with an individual and a structural intervention, and tokens for its people. */
export async function createTenant(api: Api, index: 0 | 1): Promise<Tenant> {
  const admin = api.token('admin');
  const association = await api.http
    .post('/v1/associations')
    .set(bearer(admin))
    .send({
      name: `Samordningsförbundet ${index === 0 ? 'Norr' : 'Söder'}`,
      orgNumber: ORG_NUMBERS[index],
      parties: ['FK', 'AF', 'MUNICIPALITY', 'REGION'],
    })
    .expect(201);
  const associationId = association.body.associationId as string;
  const chief = api.token('chief', associationId, [], `chief-${index}`);
  const intervention = await api.http
    .post(`/v1/associations/${associationId}/interventions`)
    .set(bearer(chief))
    .send({
      name: 'Resurslotsen',
      kind: 'individual',
      parties: ['FK', 'MUNICIPALITY'],
      startsOn: '2025-01-01',
    })
    .expect(201);
  const structural = await api.http
    .post(`/v1/associations/${associationId}/interventions`)
    .set(bearer(chief))
    .send({ name: 'Psykeveckan', kind: 'structural', parties: ['REGION'], startsOn: '2025-01-01' })
    .expect(201);
  const interventionId = intervention.body.interventionId as string;
  const structuralId = structural.body.interventionId as string;
  return {
    associationId,
    interventionId,
    structuralId,
    chief,
    board: api.token('board', associationId, [], `board-${index}`),
    staff: api.token('staff', associationId, [interventionId, structuralId], `staff-${index}`),
    otherStaff: api.token('staff', associationId, ['I-0000000000'], `other-staff-${index}`),
  };
}

export async function enrol(
  api: Api,
  tenant: Tenant,
  body: Record<string, unknown> = enrolment,
): Promise<string> {
  const res = await api.http
    .post(`/v1/interventions/${tenant.interventionId}/participants`)
    .set(bearer(tenant.staff))
    .send(body)
    .expect(201);
  return res.body.participantId as string;
}
