import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { JOB_QUEUE, type JobQueue } from '@stegvis/job-queue';
import { REBUILD_JOB } from '@stegvis/read-side';
import { Roles } from '../platform/auth.decorators';
import { Created } from '../platform/created-location';
import { Problem } from '../platform/problem';
import { jobProgress } from '../platform/job-progress';
import { JOB_ID, JobAccepted, RebuildStatusAnswer } from '../platform/job-answers';
import { Answer, PathParameter, Summary } from '../platform/openapi.decorators';

const rebuildNotFound = () =>
  new Problem(404, 'job_not_found', 'Det finns inget sådant ombyggnadsjobb.');

/** Operations: rebuilding the read models from the event log (a job; reads keep working). */
@ApiTags('Drift')
@ApiBearerAuth()
@Controller('v1/admin')
export class AdminController {
  constructor(@Inject(JOB_QUEUE) private readonly jobs: JobQueue) {}

  @Post('read-models/rebuild')
  @HttpCode(202)
  @Roles('admin')
  @Summary('Bygg om läsmodellerna från händelseloggen (läsningar fungerar under tiden)')
  @Created((answer) => `/v1/admin/jobs/${String(answer.jobId)}`, 202)
  @Answer(JobAccepted, { status: 202, description: 'Ombyggnaden är beställd' })
  async rebuild(): Promise<{ jobId: string }> {
    return { jobId: await this.jobs.enqueue(REBUILD_JOB, {}) };
  }

  /**
   * A rebuild's progress. Only rebuilds: the queue also holds exports, whose data and files are
   * the association's chief's (DESIGN §5), so any other job reads as unknown.
   */
  @Get('jobs/:jobId')
  @Roles('admin')
  @Summary('En ombyggnads status och förlopp (0–100)')
  @PathParameter('jobId', JOB_ID, 'Jobbets id ur svaret på beställningen')
  @Answer(RebuildStatusAnswer)
  async job(@Param('jobId') jobId: string) {
    const job = JOB_ID.test(jobId) ? await this.jobs.status(jobId) : undefined;
    if (job?.name !== REBUILD_JOB) throw rebuildNotFound();
    // Named fields only, so nothing a job kept can reach the answer by accident.
    return {
      ...jobProgress(job),
      // A rebuild's result is its new generation and the events it replayed.
      ...(job.state === 'completed' ? { result: job.result } : {}),
      ...(job.state === 'failed' ? { failedReason: job.failedReason ?? null } : {}),
    };
  }
}
