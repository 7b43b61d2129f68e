import { api, receive, sendUndescribed } from './client';
import { ApiError } from './errors';
import { fileNameOf, type DownloadedFile } from './files';
import type { paths } from './schema';
import { ExportAccepted, ExportStatus } from './untyped';

type ExportRoute = paths['/v1/associations/{aid}/exports']['post'];
/** What an export is asked for with (POST /v1/associations/{aid}/exports). */
export type ExportRequest = ExportRoute['requestBody']['content']['application/json'];

/** Starts an export job; answers its id. */
export async function startExport(associationId: string, request: ExportRequest): Promise<string> {
  const { body, response } = await sendUndescribed(
    api.POST('/v1/associations/{aid}/exports', {
      params: { path: { aid: associationId } },
      body: request,
    }),
  );
  const accepted = ExportAccepted.safeParse(body);
  if (!accepted.success) throw ApiError.unreadable(response.status);
  return accepted.data.jobId;
}

/** The job's state and progress (0–100). */
export async function exportStatus(jobId: string, signal?: AbortSignal): Promise<ExportStatus> {
  const { body, response } = await sendUndescribed(
    api.GET('/v1/exports/{jobId}', { params: { path: { jobId } }, signal }),
  );
  const status = ExportStatus.safeParse(body);
  if (!status.success) throw ApiError.unreadable(response.status);
  return status.data;
}

/** The finished file. */
export async function exportFile(jobId: string, fallbackName: string): Promise<DownloadedFile> {
  const { data, response } = await receive(
    api.GET('/v1/exports/{jobId}/file', { params: { path: { jobId } }, parseAs: 'blob' }),
  );
  return { blob: data, fileName: fileNameOf(response, fallbackName) };
}
