import type { PlannedInsats } from '../../libs/domain/src/testing/outcome-years';
import type { Api } from './api-harness';
import { bearer, ORG_NUMBERS } from './world';

export type RegisteredInsats = {
  readonly associationId: string;
  readonly interventionId: string;
  readonly chief: string;
  readonly board: string;
  /** Position of the last write: pass as minPosition to read it back. */
  readonly position: string;
};

/**
 * Registers one planned insats through the HTTP API as people would: the admin registers the
 * association, its chief the insats and the year's goals, the insats staff every participant's
 * milestones in order (enrolment, assessments, satisfaction, exit, follow-ups, corrections).
 */
export async function registerPlannedInsats(
  api: Api,
  plan: PlannedInsats,
  index: 0 | 1,
): Promise<RegisteredInsats> {
  let position = '0';
  const send = async (
    method: 'post' | 'put',
    path: string,
    token: string,
    body: unknown,
  ): Promise<Record<string, unknown>> => {
    const res = await api.http[method](path)
      .set(bearer(token))
      .send(body as object);
    if (res.status !== 201 && res.status !== 200) {
      throw new Error(`${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    if (typeof res.body?.position === 'string') position = res.body.position;
    return res.body as Record<string, unknown>;
  };

  const association = await send('post', '/v1/associations', api.token('admin'), {
    name: `Samordningsförbundet ${plan.register.name}`,
    orgNumber: ORG_NUMBERS[index],
    parties: ['FK', 'AF', 'MUNICIPALITY', 'REGION'],
  });
  const associationId = association['associationId'] as string;
  const chief = api.token('chief', associationId, [], `chief-${index}`);
  const intervention = await send(
    'post',
    `/v1/associations/${associationId}/interventions`,
    chief,
    plan.register,
  );
  const interventionId = intervention['interventionId'] as string;
  await send('put', `/v1/interventions/${interventionId}/goals/${plan.goals.year}`, chief, {
    goals: plan.goals.goals,
  });

  const staff = api.token('staff', associationId, [interventionId], `staff-${index}`);
  for (const planned of plan.participants) {
    const enrolled = await send(
      'post',
      `/v1/interventions/${interventionId}/participants`,
      staff,
      planned.enrol,
    );
    const on = (what: string) => `/v1/participants/${String(enrolled['participantId'])}/${what}`;
    for (const assessment of planned.assessments ?? []) {
      await send('post', on('self-assessments'), staff, assessment);
    }
    if (planned.satisfaction) await send('post', on('satisfaction'), staff, planned.satisfaction);
    if (planned.exit) await send('post', on('exit'), staff, planned.exit);
    for (const followUp of planned.followUps ?? []) {
      await send('post', on('follow-ups'), staff, followUp);
    }
    for (const correction of planned.corrections ?? []) {
      await send('post', on('enrolment-corrections'), staff, correction);
    }
  }
  return {
    associationId,
    interventionId,
    chief,
    board: api.token('board', associationId, [], `board-${index}`),
    position,
  };
}
