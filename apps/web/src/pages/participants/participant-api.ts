import type {
  CorrectEnrolmentBody,
  EnrolParticipantBody,
  ExitParticipantBody,
  RecordAttendanceBody,
  RecordFollowUpBody,
  RecordProgressionStepBody,
  RecordSatisfactionBody,
  RecordSelfAssessmentBody,
  RetractEntryBody,
} from '@stegvis/domain';
import { api, send, type Schemas } from '../../api/client';
import type { paths } from '../../api/schema';

export type Intervention = Schemas['InterventionView'];
export type Instrument = Intervention['instruments'][number];
export type ParticipantHistory = Schemas['ParticipantHistoryAnswer'];
export type HistoryEntry = ParticipantHistory['events'][number];
export type WriteAnswer = Schemas['WriteAnswer'];
export type SearchPage = Schemas['ParticipantSearchListAnswer'];
export type ListItem = SearchPage['items'][number];
export type Search = NonNullable<paths['/v1/participants']['get']['parameters']['query']>;

/** What every write carries: its retry key, and the revision the page last read (If-Match). */
export type WriteHeaders = { readonly idempotencyKey: string; readonly revision?: number | null };

const headersOf = ({ idempotencyKey, revision }: WriteHeaders) => ({
  'Idempotency-Key': idempotencyKey,
  ...(revision === undefined || revision === null ? {} : { 'If-Match': `"${revision}"` }),
});

export const fetchIntervention = (iid: string, signal?: AbortSignal): Promise<Intervention> =>
  send(api.GET('/v1/interventions/{iid}', { params: { path: { iid } }, signal }));

/** The insatser of an association the signed-in person may see (staff: their own). */
export const fetchInterventions = async (
  aid: string,
  signal?: AbortSignal,
): Promise<readonly Intervention[]> =>
  (
    await send(
      api.GET('/v1/associations/{aid}/interventions', { params: { path: { aid } }, signal }),
    )
  ).items;

export const fetchParticipant = (pid: string, signal?: AbortSignal): Promise<ParticipantHistory> =>
  send(api.GET('/v1/participants/{pid}', { params: { path: { pid } }, signal }));

/** A page of the participants of my insatser, filtered and paged by the server. */
export const searchParticipants = (query: Search, signal?: AbortSignal): Promise<SearchPage> =>
  send(api.GET('/v1/participants', { params: { query }, signal }));

export const enrolParticipant = (iid: string, body: EnrolParticipantBody, headers: WriteHeaders) =>
  send(
    api.POST('/v1/interventions/{iid}/participants', {
      params: { path: { iid } },
      body,
      headers: headersOf(headers),
    }),
  );

export const recordAttendance = (iid: string, body: RecordAttendanceBody, headers: WriteHeaders) =>
  send(
    api.POST('/v1/interventions/{iid}/attendance', {
      params: { path: { iid } },
      body,
      headers: headersOf(headers),
    }),
  );

/** Every fact recorded on a participant, by the form that records it. */
export type ParticipantWrite =
  | { readonly kind: 'self-assessment'; readonly body: RecordSelfAssessmentBody }
  | { readonly kind: 'progression-step'; readonly body: RecordProgressionStepBody }
  | { readonly kind: 'satisfaction'; readonly body: RecordSatisfactionBody }
  | { readonly kind: 'exit'; readonly body: ExitParticipantBody }
  | { readonly kind: 'follow-up'; readonly body: RecordFollowUpBody }
  | { readonly kind: 'enrolment-correction'; readonly body: CorrectEnrolmentBody }
  | { readonly kind: 'retraction'; readonly body: RetractEntryBody };

export function writeParticipant(
  pid: string,
  write: ParticipantWrite,
  headers: WriteHeaders,
): Promise<WriteAnswer> {
  const options = { params: { path: { pid } }, headers: headersOf(headers) };
  switch (write.kind) {
    case 'self-assessment':
      return send(
        api.POST('/v1/participants/{pid}/self-assessments', { ...options, body: write.body }),
      );
    case 'progression-step':
      return send(
        api.POST('/v1/participants/{pid}/progression-steps', { ...options, body: write.body }),
      );
    case 'satisfaction':
      return send(
        api.POST('/v1/participants/{pid}/satisfaction', { ...options, body: write.body }),
      );
    case 'exit':
      return send(api.POST('/v1/participants/{pid}/exit', { ...options, body: write.body }));
    case 'follow-up':
      return send(api.POST('/v1/participants/{pid}/follow-ups', { ...options, body: write.body }));
    case 'enrolment-correction':
      return send(
        api.POST('/v1/participants/{pid}/enrolment-corrections', { ...options, body: write.body }),
      );
    case 'retraction':
      return send(api.POST('/v1/participants/{pid}/retractions', { ...options, body: write.body }));
  }
}

export type AttendanceList =
  paths['/v1/interventions/{iid}/attendance']['get']['responses'][200]['content']['application/json'];

/** A structural insats's head counts of one year. */
export const fetchAttendance = (
  iid: string,
  year: number,
  signal?: AbortSignal,
): Promise<AttendanceList> =>
  send(
    api.GET('/v1/interventions/{iid}/attendance', {
      params: { path: { iid }, query: { year: String(year) } },
      signal,
    }),
  );
