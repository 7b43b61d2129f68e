import { Controller, Get, Header, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AssociationId } from '@stegvis/domain';
import {
  CSV_CONTENT_TYPE,
  XLSX_CONTENT_TYPE,
  renderExport,
  ReportQuery,
  reportFileName,
  reportRequest,
  ReportSchema,
  type Report,
} from '@stegvis/reporting';
import type { Response } from 'express';
import { z } from 'zod';
import type { Actor } from '../platform/actor';
import { CurrentActor, Roles } from '../platform/auth.decorators';
import { MinPosition, ZodQueries } from '../platform/query-params';
import { AnswerOrFile, Summary } from '../platform/openapi.decorators';
import { ZodParam } from '../platform/zod-validation';
import { GetReport } from './report-query';

/** `2026`, `2026.csv` or `2026.xlsx`: one route, so the year is validated once. */
const YearAndFormat = z
  .string()
  .regex(/^\d{4}(\.(csv|xlsx))?$/, 'Ange året med fyra siffror, ev. följt av .csv eller .xlsx.')
  .transform((value, ctx) => {
    const [year, format] = value.split('.');
    const n = Number(year);
    if (n < 2000 || n > 2100) {
      ctx.addIssue({ code: 'custom', message: 'Året ska vara mellan 2000 och 2100.' });
      return z.NEVER;
    }
    return { year: n, format: (format ?? 'json') as 'json' | 'csv' | 'xlsx' };
  });

/** What narrows a report, and `minPosition` to wait for one's own write; nothing else. */
const ReportRouteQuery = ReportQuery.safeExtend({ minPosition: MinPosition });

@ApiTags('Rapporter')
@ApiBearerAuth()
@Controller('v1/associations/:aid/reports')
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':year')
  @Roles('chief', 'board')
  @Header('Cache-Control', 'private, no-store')
  @Summary(
    'Årsrapport med måluppfyllelse (JSON, eller .csv/.xlsx)',
    'Period = kalenderåret, eller ?from=&to=. ?interventionId= för en insats. ?minPosition= ' +
      'väntar tills en egen skrivning syns. ?asOf= återskapar rapporten som den såg ut då.',
  )
  @AnswerOrFile(
    ReportSchema,
    [CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE],
    'Rapporten (DESIGN §4); med .csv eller .xlsx filen',
  )
  async report(
    @ZodParam('aid', AssociationId) aid: string,
    @ZodParam('year', YearAndFormat) { year, format }: z.infer<typeof YearAndFormat>,
    @ZodQueries(ReportRouteQuery) query: z.infer<typeof ReportRouteQuery>,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Report | StreamableFile> {
    const report = await this.queries.execute(
      new GetReport(reportRequest(aid, year, query), actor, {
        ...(query.minPosition === undefined ? {} : { minPosition: query.minPosition }),
        ...(query.asOf === undefined ? {} : { asOf: new Date(query.asOf) }),
      }),
    );
    if (format === 'json') return report;
    const file = await renderExport(report, { format, publication: false });
    const name = reportFileName(aid, year, query, file.fileExtension);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    return new StreamableFile(file.body);
  }
}
