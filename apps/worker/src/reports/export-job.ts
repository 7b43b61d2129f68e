import { AssociationId } from '@stegvis/domain';
import type { EventStore } from '@stegvis/event-store';
import type { JobContext } from '@stegvis/job-queue';
import type { ReadModelStore } from '@stegvis/read-models';
import { renderExport } from '@stegvis/reporting';
import { z } from 'zod';
import { setTimeout as delay } from 'node:timers/promises';
import { PROJECTION } from '../project-batch';
import { ExportBody, reportRequest } from './report-request';
import { reportAsOf, reportFromReadModels } from './report-source';

export const EXPORT_JOB = 'export-report';

/** What the API enqueues: the chief's request, for the chief's association. */
export const ExportJobData = z.object({
  associationId: AssociationId,
  request: ExportBody,
  /** The log's head when the chief asked: the file reflects at least that much. */
  minPosition: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
});
export type ExportJobData = z.infer<typeof ExportJobData>;

/** The finished file, kept as the job's result so any API instance can hand it out. */
export type ExportFile = {
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  /** Base64: job results are JSON. */
  readonly content: string;
};

function fileName(data: ExportJobData, extension: string): string {
  const { associationId, request } = data;
  const parts = [
    request.format === 'finsam' ? 'uppfoljning-finsam' : 'stegvis-rapport',
    associationId,
    String(request.year),
    request.interventionId,
    request.from && request.to ? `${request.from}--${request.to}` : undefined,
    request.publication ? 'publicering' : undefined,
  ];
  return `${parts.filter((p) => p !== undefined).join('-')}.${extension}`;
}

/** How long an export waits for the read models to reach what was recorded before it was asked for. */
const CATCH_UP_MS = 60_000;

async function caughtUp(readModels: ReadModelStore, minPosition: string | undefined) {
  const deadline = Date.now() + CATCH_UP_MS;
  for (;;) {
    const generation = await readModels.active();
    const checkpoint = await generation.checkpoint(PROJECTION);
    const reached = minPosition === undefined || (checkpoint ?? -1n) >= BigInt(minPosition);
    // Past the deadline the file is made anyway; its checkpoint says how far it reaches.
    if (reached || Date.now() >= deadline) return generation;
    await delay(50);
  }
}

/** Computes the report (from the read models, or replayed as of a moment) and renders the file. */
export async function runExport(
  store: EventStore,
  readModels: ReadModelStore,
  job: JobContext,
): Promise<ExportFile> {
  const data = ExportJobData.parse(job.data);
  const { request } = data;
  const target = reportRequest(data.associationId, request.year, request);
  await job.updateProgress(5);
  let report;
  if (request.asOf === undefined) {
    const generation = await caughtUp(readModels, data.minPosition);
    report = await reportFromReadModels(readModels, target, generation);
  } else {
    const head = (await store.headPosition()) ?? 1n;
    report = await reportAsOf(store, target, new Date(request.asOf), (position) =>
      job.updateProgress(5 + Number((position * 80n) / (head === 0n ? 1n : head))),
    );
  }
  await job.updateProgress(85);
  const file = await renderExport(report, {
    format: request.format,
    publication: request.publication,
  });
  return {
    fileName: fileName(data, file.fileExtension),
    contentType: file.contentType,
    size: file.body.length,
    content: file.body.toString('base64'),
  };
}
