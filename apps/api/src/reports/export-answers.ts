import { ExportBody } from '@stegvis/reporting';
import { z } from 'zod';
import { JobProgress } from '../platform/job-answers';
import { nameWholes } from '../platform/openapi/schema-dto';

/** GET /v1/exports/:jobId, as the OpenAPI document describes it. */
export const ExportStatusAnswer = JobProgress.extend({
  request: ExportBody.describe('Vad exporten beställdes med'),
  file: z
    .object({
      url: z.string().describe('Adressen att hämta filen från'),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number().int().describe('Storlek i byte'),
    })
    .nullable()
    .describe('Filen, när exporten är klar; annars null'),
  error: z.string().optional().describe('Varför exporten misslyckades, på svenska'),
});

nameWholes({ ExportStatusAnswer });
