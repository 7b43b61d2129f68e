import type { JobStatus } from '@stegvis/job-queue';

/** What every job's status answer starts with: where it stands, never its data or result. */
export function jobProgress(job: JobStatus) {
  return {
    jobId: job.id,
    state: job.state,
    progress: job.progress,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt ?? null,
  };
}
