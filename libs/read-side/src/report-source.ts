import { DomainError, type IsoDate } from '@stegvis/domain';
import type { EventStore } from '@stegvis/event-store';
import type { ReadModelGeneration, ReadModelStore } from '@stegvis/read-models';
import {
  AssociationEvents,
  computeReport,
  ProjectedState,
  type AssociationReadModels,
  type Report,
  type ReportMemo,
  type ReportRequest,
} from '@stegvis/reporting';
import { readAssociation } from './association-snapshot';
import { logPages } from './log-pages';
import { toProjected } from './project-batch';

/** When a report is made: at a past moment (`asOf`), or on a given Swedish day. */
export type ReportMoment = { readonly asOf?: Date; readonly today?: IsoDate };

/**
 * The report of `models`, refusing an unknown association or an intervention not of it; `memo`
 * keeps tables between reports of the same association's states.
 */
export function reportOf(
  request: ReportRequest,
  models: AssociationReadModels,
  checkpoint: bigint | undefined,
  moment: ReportMoment = {},
  memo?: ReportMemo,
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
    ...(moment.asOf === undefined ? {} : { asOf: moment.asOf.toISOString() }),
    ...(moment.today === undefined ? {} : { today: moment.today }),
    ...(memo === undefined ? {} : { memo }),
  });
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
  let checkpoint: bigint | undefined;
  for await (const page of logPages(store)) {
    // Recording times of different API instances may interleave by a few milliseconds, so the
    // whole log is read rather than stopping at the first later event.
    const recorded = page.filter((e) => Date.parse(e.metadata.recordedAt) <= until);
    if (recorded.length > 0) checkpoint = recorded.at(-1)?.position;
    state.apply(recorded.map(toProjected).filter((e) => mine.accepts(e)));
    await onProgress(page.at(-1)?.position ?? 0n);
  }
  return reportOf(request, state.of(request.associationId), checkpoint, { asOf });
}
