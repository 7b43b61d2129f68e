import type { AssociationEvent, InterventionEvent, ParticipantEvent } from '../events';
import type { Instrument } from '../instruments';
import { DEFAULT_LADDER, STEGVIS_5 } from '../instruments';
import type { EnrolParticipantBody } from '../commands';
import type { AssociationState } from '../deciders/association.decider';
import type { RegisteredIntervention } from '../deciders/intervention.decider';
import { AppendOnlySet } from '../shared/append-only-map';

/** A förbund's own self-assessment instrument (not built in): its items named in Swedish. */
export const MITT_MAL: Instrument = {
  key: 'mitt-mal',
  label: 'Mitt mål',
  items: [
    { key: 'vet-vad', label: 'Jag vet vad jag vill', min: 1, max: 5 },
    { key: 'klarar', label: 'Jag klarar min vardag', min: 1, max: 5 },
  ],
};

export const ASSOCIATION_ID = 'F-0000000001';
export const INTERVENTION_ID = 'I-0000000001';
export const PARTICIPANT_ID = 'D-0000000001';
export const TODAY = '2026-06-15';

export const associationRegistered: Extract<AssociationEvent, { type: 'AssociationRegistered' }> = {
  type: 'AssociationRegistered',
  data: {
    associationId: ASSOCIATION_ID,
    name: 'Samordningsförbundet Test',
    orgNumber: '222000-0000',
    parties: ['FK', 'AF', 'MUNICIPALITY', 'REGION'],
    occurredOn: '2026-01-01',
  },
};

export const interventionRegistered: Extract<
  InterventionEvent,
  { type: 'InterventionRegistered' }
> = {
  type: 'InterventionRegistered',
  data: {
    interventionId: INTERVENTION_ID,
    associationId: ASSOCIATION_ID,
    name: 'Resurslotsen',
    kind: 'individual',
    parties: ['FK', 'MUNICIPALITY'],
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    instrument: STEGVIS_5,
    ladder: DEFAULT_LADDER,
    occurredOn: '2026-01-01',
  },
};

export const intervention: RegisteredIntervention = {
  status: 'registered',
  interventionId: INTERVENTION_ID,
  associationId: ASSOCIATION_ID,
  kind: 'individual',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  instrument: STEGVIS_5,
  instruments: [STEGVIS_5],
  ladder: DEFAULT_LADDER,
};

/** The association the intervention deciders' specs register into. */
export const association: AssociationState = {
  status: 'registered',
  associationId: ASSOCIATION_ID,
  parties: ['FK', 'AF', 'MUNICIPALITY'],
  erasedParticipants: AppendOnlySet.empty(),
};

/** The enrolment body that decides into `enrolled`. */
export const enrolledBody: EnrolParticipantBody = {
  enrolledOn: '2026-02-01',
  gender: 'woman',
  birthYear: 1990,
  referringParty: 'FK',
  incomeSource: 'sickness_benefit',
  educationLevel: 'upper_secondary',
  supportDurationBefore: '2_5y',
};

export const enrolled: Extract<ParticipantEvent, { type: 'ParticipantEnrolled' }> = {
  type: 'ParticipantEnrolled',
  data: {
    participantId: PARTICIPANT_ID,
    interventionId: INTERVENTION_ID,
    associationId: ASSOCIATION_ID,
    enrolledOn: '2026-02-01',
    gender: 'woman',
    birthYear: 1990,
    referringParty: 'FK',
    incomeSourceAtStart: 'sickness_benefit',
    educationLevel: 'upper_secondary',
    supportDurationBefore: '2_5y',
    occurredOn: '2026-02-01',
  },
};

export const exited = (exitedOn = '2026-05-31'): ParticipantEvent => ({
  type: 'ParticipantExited',
  data: {
    participantId: PARTICIPANT_ID,
    exitedOn,
    outcome: 'work',
    incomeSourceAtExit: 'salary',
    planHandedOver: true,
    occurredOn: exitedOn,
  },
});

export const satisfaction = (answeredOn: string, score = 4): ParticipantEvent => ({
  type: 'SatisfactionRecorded',
  data: { participantId: PARTICIPANT_ID, score, answeredOn, occurredOn: answeredOn },
});

/** A valid enrolment body as a client sends it (before parsing). */
export const enrolmentBody = {
  enrolledOn: '2026-02-01',
  gender: 'man',
  birthYear: 1988,
  referringParty: 'AF',
  incomeSource: 'unemployment_support',
  educationLevel: 'compulsory',
  supportDurationBefore: 'over_5y',
};
