import {
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Post,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AssociationId,
  DomainError,
  domainErrors,
  streamNames,
  type DomainErrorCode,
} from '@stegvis/domain';
import { EVENT_STORE, type EventStore } from '@stegvis/event-store';
import { JOB_QUEUE, type JobQueue, type JobStatus } from '@stegvis/job-queue';
import { EXPORT_JOB, ExportJobData, type ExportFile } from '@stegvis/read-side';
import { CSV_CONTENT_TYPE, ExportBody, XLSX_CONTENT_TYPE } from '@stegvis/reporting';
import type { Response } from 'express';
import type { Actor } from '../platform/actor';
import { access } from '../platform/access';
import { CurrentActor, Roles } from '../platform/auth.decorators';
import { Created } from '../platform/created-location';
import { exportFailed, exportNotFound, exportNotReady } from '../platform/problem';
import { Write, type WriteContext } from '../platform/write-context';
import { ZodBody, ZodParam } from '../platform/zod-validation';
import {
  Answer,
  FileAnswer,
  Idempotent,
  PathParameter,
  Problems,
  Summary,
} from '../platform/openapi.decorators';
import { JOB_ID, JobAccepted } from '../platform/job-answers';
import { ExportStatusAnswer } from './export-answers';
import { StreamReader } from '../platform/stream-reader';
import { jobProgress } from '../platform/job-progress';

/** Yearly statistics as a file, made by a background job (DESIGN §5). Förbundschef only. */
@ApiTags('Exporter')
@ApiBearerAuth()
@Controller('v1')
export class ExportsController {
  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: StreamReader,
  ) {}

  @Post('associations/:aid/exports')
  @HttpCode(202)
  @Roles('chief')
  @Summary('Beställ en export av årsstatistik (CSV, Excel eller Uppföljning Finsam)')
  @Idempotent()
  @Created((answer) => `/v1/exports/${String(answer.jobId)}`, 202)
  @Answer(JobAccepted, { status: 202, description: 'Exporten är beställd' })
  @Problems(422)
  async create(
    @ZodParam('aid', AssociationId) aid: string,
    @ZodBody(ExportBody) request: ExportBody,
    @Write() ctx: WriteContext,
  ): Promise<{ jobId: string }> {
    // Access before anything else: a retried key must not hand out a job to someone who lost it.
    access.manageAssociation(ctx.actor, aid);
    // Refuse now what the job would only fail on later.
    const association = await this.reader.read(streamNames.association(aid));
    if (association.events.length === 0) throw new DomainError('association_not_found');
    if (request.interventionId !== undefined) {
      const intervention = await this.reader.loadIntervention(request.interventionId);
      if (intervention.associationId !== aid) throw new DomainError('intervention_not_found');
    }
    const head = await this.store.headPosition();
    const data: ExportJobData = {
      associationId: aid,
      request,
      ...(head === undefined ? {} : { minPosition: head.toString() }),
    };
    // The key is scoped to the chief and this route (WriteContext): a retry finds the first job.
    const jobId = await this.jobs.enqueue(
      EXPORT_JOB,
      data,
      ctx.idempotencyKey === undefined ? {} : { idempotencyKey: ctx.idempotencyKey },
    );
    return { jobId };
  }

  @Get('exports/:jobId')
  @Roles('chief')
  @Header('Cache-Control', 'private, no-store')
  @Summary('Exportens status och förlopp (0–100); när den är klar, filens adress')
  @PathParameter('jobId', JOB_ID, 'Jobbets id ur svaret på beställningen')
  @Answer(ExportStatusAnswer)
  async status(@Param('jobId') jobId: string, @CurrentActor() actor: Actor) {
    const { job, data } = await this.exportOf(jobId, actor);
    const file = job.state === 'completed' ? (job.result as ExportFile) : undefined;
    return {
      ...jobProgress(job),
      request: data.request,
      file:
        file === undefined
          ? null
          : {
              url: `/v1/exports/${job.id}/file`,
              fileName: file.fileName,
              contentType: file.contentType,
              size: file.size,
            },
      ...(job.state === 'failed' ? { error: reasonOf(job) } : {}),
    };
  }

  @Get('exports/:jobId/file')
  @Roles('chief')
  @Header('Cache-Control', 'private, no-store')
  @Summary('Den färdiga exportfilen')
  @PathParameter('jobId', JOB_ID, 'Jobbets id ur svaret på beställningen')
  @FileAnswer('Filen', [CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE])
  @Problems(409)
  async file(
    @Param('jobId') jobId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { job } = await this.exportOf(jobId, actor);
    if (job.state === 'failed') throw exportFailed(reasonOf(job));
    if (job.state !== 'completed') throw exportNotReady();
    const file = job.result as ExportFile;
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    return new StreamableFile(Buffer.from(file.content, 'base64'));
  }

  /** The export job, if it is one and belongs to the chief's association; 404 otherwise. */
  private async exportOf(
    jobId: string,
    actor: Actor,
  ): Promise<{ job: JobStatus; data: ExportJobData }> {
    const job = JOB_ID.test(jobId) ? await this.jobs.status(jobId) : undefined;
    if (job?.name !== EXPORT_JOB) throw exportNotFound();
    const data = ExportJobData.safeParse(job.data);
    if (!data.success || data.data.associationId !== actor.associationId) throw exportNotFound();
    return { job, data: data.data };
  }
}

/**
 * A refused export's reason is the refusal's code (libs/read-side runExport), worded here; any
 * other reason is an internal fault whose message is not the user's to read.
 */
function reasonOf(job: JobStatus): string {
  const code = job.failedReason ?? '';
  return Object.hasOwn(domainErrors, code)
    ? domainErrors[code as DomainErrorCode]
    : 'ett internt fel. Försök igen senare.';
}
