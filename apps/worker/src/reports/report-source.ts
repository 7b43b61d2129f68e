import { DomainError } from '@stegvis/domain';
import type { EventStore } from '@stegvis/event-store';
import type { ReadModelGeneration, ReadModelStore } from '@stegvis/read-models';
import {
  AssociationEvents,
  computeReport,
  ProjectedState,
  type AssociationReadModels,
  type AssociationSummary,
  type InterventionSummary,
  type ParticipantSummary,
  type Period,
  type Report,
} from '@stegvis/reporting';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { PROJECTION, toProjected } from '../project-batch';

/** What a user asks a report for (DESIGN §4): one association, a goal year, maybe less. */
export type ReportRequest = {
  readonly associationId: string;
  readonly year: number;
  readonly period?: Period;
  readonly interventionId?: string;
};

const REPLAY_BATCH = 2_000;

/** The report of `models`, refusing an unknown association or an intervention not of it. */
export function reportOf(
  request: ReportRequest,
  models: AssociationReadModels,
  checkpoint: bigint | undefined,
  asOf?: Date,
): Report {
  const { association, interventions, participants } = models;
  if (association === undefined) throw new DomainError('association_not_found');
  const { interventionId } = request;
  if (
    interventionId !== undefined &&
    !interventions.some((i) => i.interventionId === interventionId)
  )
    throw new DomainError('intervention_not_found');
  return computeReport({
    ...request,
    association,
    interventions,
    participants,
    checkpoint,
    ...(asOf === undefined ? {} : { asOf: asOf.toISOString() }),
  });
}

/** An association's read models as read at one checkpoint. */
export type AssociationSnapshot = {
  readonly generation: ReadModelGeneration;
  readonly models: AssociationReadModels;
  /** The checkpoint read before the documents: they reflect at least this much. */
  readonly checkpoint: bigint | undefined;
  /** True when no commit fell between the reads: the documents are exactly that checkpoint. */
  readonly consistent: boolean;
};

/** Reads of the documents before settling for an inconsistent one. */
const READ_ATTEMPTS = 3;

/**
 * An association's documents, read so they belong together: the checkpoint is read before and
 * after them (commits are atomic, so equal readings mean none fell in between), and a
 * generation replaced by a rebuild meanwhile (whose keys are being deleted) is read again from
 * the new one.
 */
export async function readAssociation(
  readModels: ReadModelStore,
  generation: ReadModelGeneration,
  associationId: string,
): Promise<AssociationSnapshot> {
  const tag = `association:${associationId}`;
  let current = generation;
  for (let attempt = 1; ; attempt += 1) {
    const before = await current.checkpoint(PROJECTION);
    const [association, interventions, participants] = await Promise.all([
      current.get('associations', associationId),
      current.all('interventions', tag),
      current.all('participants', tag),
    ]);
    const after = await current.checkpoint(PROJECTION);
    const active = await readModels.active();
    if (active.id !== current.id) {
      current = active;
      continue;
    }
    const consistent = before === after;
    if (!consistent && attempt < READ_ATTEMPTS) continue;
    const models = {
      association: association as AssociationSummary | undefined,
      interventions: interventions as unknown as InterventionSummary[],
      participants: participants as unknown as ParticipantSummary[],
    };
    return { generation: current, models, checkpoint: before, consistent };
  }
}

/** The report from the read models of the active generation (or `generation`, when given). */
export async function reportFromReadModels(
  readModels: ReadModelStore,
  request: ReportRequest,
  generation?: ReadModelGeneration,
): Promise<Report> {
  const snapshot = await readAssociation(
    readModels,
    generation ?? (await readModels.active()),
    request.associationId,
  );
  return reportOf(request, snapshot.models, snapshot.checkpoint);
}

/**
 * The report exactly as it looked at `asOf`: the association's events recorded up to then,
 * replayed through the same projections. Erased participants stay erased: their streams are
 * gone from the log, which is the point of erasure.
 */
export async function reportAsOf(
  store: EventStore,
  request: ReportRequest,
  asOf: Date,
  onProgress: (position: bigint) => Promise<void> = async () => undefined,
): Promise<Report> {
  const until = asOf.getTime();
  const mine = new AssociationEvents(request.associationId);
  const state = new ProjectedState();
  let after: bigint | undefined;
  let checkpoint: bigint | undefined;
  for (;;) {
    const batch = await store.readAll({ after, limit: REPLAY_BATCH });
    if (batch.length === 0) break;
    after = batch.at(-1)?.position;
    // Recording times of different API instances may interleave by a few milliseconds, so the
    // whole log is read rather than stopping at the first later event.
    const recorded = batch.filter((e) => Date.parse(e.metadata.recordedAt) <= until);
    if (recorded.length > 0) checkpoint = recorded.at(-1)?.position;
    state.apply(recorded.map(toProjected).filter((e) => mine.accepts(e)));
    if (after !== undefined) await onProgress(after);
    // A long replay must not starve the requests this process serves meanwhile.
    await nextTurn();
  }
  return reportOf(request, state.of(request.associationId), checkpoint, asOf);
}
