import { z } from 'zod';

/*
 * The answers of the participant routes, which the OpenAPI document does not describe yet, read
 * narrowly: only what the staff pages use, checked at run time (as api/untyped.ts does for the
 * other pages). Each goes away when the document gains its schema.
 *
 * - POST /v1/interventions/{iid}/participants: 201 { participantId, eventIds, revision }
 * - every other participant write: 201 { eventIds, revision }
 * - GET /v1/participants/{pid}: the summary and the history
 * - GET /v1/interventions/{iid}/participants: a page of the list
 */

export const WriteAnswer = z.object({
  eventIds: z.array(z.string()),
  revision: z.number().int().nullable().catch(null),
});
export type WriteAnswer = z.infer<typeof WriteAnswer>;

export const EnrolAnswer = WriteAnswer.extend({ participantId: z.string().min(1) });
export type EnrolAnswer = z.infer<typeof EnrolAnswer>;

const HistoryEntry = z.object({
  id: z.string(),
  type: z.string(),
  occurredOn: z.string(),
  recordedAt: z.string(),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
  retracted: z.boolean(),
  retractedBy: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const ParticipantHistory = z.object({
  participantId: z.string(),
  interventionId: z.string(),
  associationId: z.string(),
  status: z.enum(['active', 'exited']),
  enrolledOn: z.string(),
  exitedOn: z.string().nullable(),
  revision: z.number().int(),
  events: z.array(HistoryEntry),
});
export type ParticipantHistory = z.infer<typeof ParticipantHistory>;

const ListItem = z.object({
  participantId: z.string(),
  status: z.enum(['active', 'exited']),
  enrolledOn: z.string(),
  exitedOn: z.string().nullable(),
  // Added with the staff pages; an older server answers without them.
  hasStartAssessment: z.boolean().optional(),
  hasExitAssessment: z.boolean().optional(),
  hasSatisfaction: z.boolean().optional(),
  lastChange: z.string().optional(),
});
export type ListItem = z.infer<typeof ListItem>;

export const ListPage = z.object({
  items: z.array(ListItem),
  next: z.string().nullable(),
});
export type ListPage = z.infer<typeof ListPage>;

/** The 409 of an If-Match that no longer holds: the revision the participant has now. */
export const Conflict = z.object({ currentRevision: z.number().int().nullable().catch(null) });
