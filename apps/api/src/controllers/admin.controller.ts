import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { JOB_QUEUE, type JobQueue, type JobStatus } from '@stegvis/job-queue';
import { REBUILD_JOB } from '../../../worker/src/rebuild';
import { Roles } from '../auth/auth.decorators';

/** Operations: rebuilding the read models from the event log (a job; reads keep working). */
@ApiTags('Drift')
@ApiBearerAuth()
@Controller('v1/admin')
export class AdminController {
  constructor(@Inject(JOB_QUEUE) private readonly jobs: JobQueue) {}

  @Post('read-models/rebuild')
  @HttpCode(202)
  @Roles('admin')
  async rebuild(): Promise<{ jobId: string }> {
    return { jobId: await this.jobs.enqueue(REBUILD_JOB, {}) };
  }

  @Get('jobs/:jobId')
  @Roles('admin')
  async job(@Param('jobId') jobId: string): Promise<JobStatus> {
    const status = /^[A-Za-z0-9-]{1,100}$/.test(jobId) ? await this.jobs.status(jobId) : undefined;
    if (!status) throw new NotFoundException();
    return status;
  }
}
