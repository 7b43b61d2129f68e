import { AssociationId, DomainError } from '@stegvis/domain';
import type { EventStore } from '@stegvis/event-store';
import type { JobContext } from '@stegvis/job-queue';
import type { ReadModelStore } from '@stegvis/read-models';
import { ExportBody, renderExport, reportFileName, reportRequest } from '@stegvis/reporting';
import { z } from 'zod';
import { readModelsReaching } from './read-your-writes';
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

/** How long an export waits for the read models to reach what was recorded before it was asked for. */
const CATCH_UP_MS = 60_000;

/**
 * Computes the report (from the read models, or replayed as of a moment) and renders the file.
 * A refused export fails with the refusal's code as the job's reason: the API words it.
 */
export async function runExport(
  store: EventStore,
  readModels: ReadModelStore,
  job: JobContext,
): Promise<ExportFile> {
  try {
    return await exportFile(store, readModels, job);
  } catch (error) {
    if (error instanceof DomainError) throw new Error(error.code, { cause: error });
    throw error;
  }
}

async function exportFile(
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
    // Past the deadline the file is made anyway; its checkpoint says how far it reaches.
    const { generation } = await readModelsReaching(
      readModels,
      data.minPosition === undefined ? undefined : BigInt(data.minPosition),
      { timeoutMs: CATCH_UP_MS, pollMs: 50 },
    );
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
    fileName: reportFileName(data.associationId, request.year, request, file.fileExtension),
    contentType: file.contentType,
    size: file.body.length,
    content: file.body.toString('base64'),
  };
}
