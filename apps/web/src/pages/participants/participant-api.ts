import type {
  EnrolParticipantBody,
  ExitParticipantBody,
  RecordAttendanceBody,
  RecordProgressionStepBody,
  RecordSatisfactionBody,
  RecordSelfAssessmentBody,
  RetractEntryBody,
} from '@stegvis/domain';
import type { z } from 'zod';
import { api, send, sendUndescribed } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { paths } from '../../api/schema';
import { EnrolAnswer, ListPage, ParticipantHistory, WriteAnswer } from './answers';

export type Intervention =
  paths['/v1/interventions/{iid}']['get']['responses'][200]['content']['application/json'];
export type Instrument = Intervention['instruments'][number];

/** What every write carries: its retry key, and the revision the page last read (If-Match). */
export type WriteHeaders = { readonly idempotencyKey: string; readonly revision?: number };

const headersOf = ({ idempotencyKey, revision }: WriteHeaders) => ({
  'Idempotency-Key': idempotencyKey,
  ...(revision === undefined ? {} : { 'If-Match': `"${revision}"` }),
});

async function read<S extends z.ZodType>(
  schema: S,
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<z.output<S>> {
  const { body, response } = await sendUndescribed(call);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw ApiError.unreadable(response.status);
  return parsed.data;
}

export const fetchIntervention = (iid: string, signal?: AbortSignal): Promise<Intervention> =>
  send(api.GET('/v1/interventions/{iid}', { params: { path: { iid } }, signal }));

export const fetchParticipant = (pid: string, signal?: AbortSignal): Promise<ParticipantHistory> =>
  read(
    ParticipantHistory,
    api.GET('/v1/participants/{pid}', { params: { path: { pid } }, signal }),
  );

export const fetchParticipantPage = (
  iid: string,
  page: { readonly after?: string; readonly limit: number },
  signal?: AbortSignal,
): Promise<ListPage> =>
  read(
    ListPage,
    api.GET('/v1/interventions/{iid}/participants', {
      params: {
        path: { iid },
        query: {
          limit: String(page.limit),
          ...(page.after === undefined ? {} : { after: page.after }),
        },
      },
      signal,
    }),
  );

export const enrolParticipant = (iid: string, body: EnrolParticipantBody, headers: WriteHeaders) =>
  read(
    EnrolAnswer,
    api.POST('/v1/interventions/{iid}/participants', {
      params: { path: { iid } },
      body,
      headers: headersOf(headers),
    }),
  );

export const recordAttendance = (iid: string, body: RecordAttendanceBody, headers: WriteHeaders) =>
  read(
    WriteAnswer,
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
  | { readonly kind: 'retraction'; readonly body: RetractEntryBody };

export function writeParticipant(
  pid: string,
  write: ParticipantWrite,
  headers: WriteHeaders,
): Promise<WriteAnswer> {
  const options = { params: { path: { pid } }, headers: headersOf(headers) };
  switch (write.kind) {
    case 'self-assessment':
      return read(
        WriteAnswer,
        api.POST('/v1/participants/{pid}/self-assessments', { ...options, body: write.body }),
      );
    case 'progression-step':
      return read(
        WriteAnswer,
        api.POST('/v1/participants/{pid}/progression-steps', { ...options, body: write.body }),
      );
    case 'satisfaction':
      return read(
        WriteAnswer,
        api.POST('/v1/participants/{pid}/satisfaction', { ...options, body: write.body }),
      );
    case 'exit':
      return read(
        WriteAnswer,
        api.POST('/v1/participants/{pid}/exit', { ...options, body: write.body }),
      );
    case 'retraction':
      return read(
        WriteAnswer,
        api.POST('/v1/participants/{pid}/retractions', { ...options, body: write.body }),
      );
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
