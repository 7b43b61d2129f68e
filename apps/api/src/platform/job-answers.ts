import { z } from 'zod';
import { nameWholes } from './openapi/schema-dto';

/** A job's id, as the queue names it (`/v1/exports/:jobId`, `/v1/admin/jobs/:jobId`). */
export const JOB_ID = /^[A-Za-z0-9-]{1,100}$/;

/** 202 to an ordered job: its id; its status is read at `Location`. */
export const JobAccepted = z.object({ jobId: z.string() });

/** What every job's status answer starts with (jobProgress). */
export const JobProgress = z.object({
  jobId: z.string(),
  state: z.enum(['waiting', 'active', 'completed', 'failed']),
  progress: z.number().min(0).max(100).describe('Hur långt jobbet har kommit, 0–100'),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** GET /v1/admin/jobs/:jobId: a rebuild's progress, and its outcome once it has one. */
export const RebuildStatusAnswer = JobProgress.extend({
  result: z.unknown().optional().describe('När den är klar: ny generation och antal händelser'),
  failedReason: z.string().nullable().optional(),
});

nameWholes({ JobAccepted, RebuildStatusAnswer });
