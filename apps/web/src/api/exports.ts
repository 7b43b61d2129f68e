import { api, receive, send, type Schemas } from './client';
import { fileNameOf, type DownloadedFile } from './files';
import type { paths } from './schema';

/** An export job's state, progress (0–100) and, once it is done, its file. */
export type ExportStatus = Schemas['ExportStatusAnswer'];

type ExportRoute = paths['/v1/associations/{aid}/exports']['post'];
/** What an export is asked for with (POST /v1/associations/{aid}/exports). */
export type ExportRequest = ExportRoute['requestBody']['content']['application/json'];

/**
 * Starts an export job; answers its id. The same `idempotencyKey` answers the first job again,
 * so a double click or a retry after a lost answer starts one job.
 */
export async function startExport(
  associationId: string,
  request: ExportRequest,
  idempotencyKey: string,
): Promise<string> {
  const { jobId } = await send(
    api.POST('/v1/associations/{aid}/exports', {
      params: { path: { aid: associationId } },
      body: request,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  );
  return jobId;
}

/** The job's state and progress (0–100). */
export const exportStatus = (jobId: string, signal?: AbortSignal): Promise<ExportStatus> =>
  send(api.GET('/v1/exports/{jobId}', { params: { path: { jobId } }, signal }));

/** The finished file. */
export async function exportFile(jobId: string, fallbackName: string): Promise<DownloadedFile> {
  const { data, response } = await receive(
    api.GET('/v1/exports/{jobId}/file', { params: { path: { jobId } }, parseAs: 'blob' }),
  );
  return { blob: data, fileName: fileNameOf(response, fallbackName) };
}
