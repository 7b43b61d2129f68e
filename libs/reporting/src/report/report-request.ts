import { InterventionId, IsoDate } from '@stegvis/domain';
import { z } from 'zod';
import type { Period } from './report.schema';

/** What a user asks a report for (DESIGN §4): one association, a goal year, maybe less. */
export type ReportRequest = {
  readonly associationId: string;
  readonly year: number;
  readonly period?: Period;
  readonly interventionId?: string;
};

/** An instant with its offset, e.g. 2026-11-22T10:00:00Z: the moment a report was shown. */
const AsOf = z.iso.datetime({
  offset: true,
  message: 'asOf ska vara en tidpunkt, t.ex. 2026-11-22T10:00:00Z.',
});

/** What narrows a report, whether asked for in a query string or in an export's body. */
const narrowing = {
  interventionId: InterventionId.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  asOf: AsOf.optional(),
};

type Narrowing = { from?: string | undefined; to?: string | undefined; asOf?: string | undefined };

function checkNarrowing(value: Narrowing, ctx: z.RefinementCtx): void {
  const { from, to, asOf } = value;
  if ((from === undefined) !== (to === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [from === undefined ? 'from' : 'to'],
      message: 'Ange både from och to, eller ingen av dem.',
    });
  } else if (from !== undefined && to !== undefined && from > to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'to får inte vara före from.' });
  }
  if (asOf !== undefined && Date.parse(asOf) > Date.now()) {
    ctx.addIssue({
      code: 'custom',
      path: ['asOf'],
      message: 'asOf får inte ligga i framtiden: en rapport kan bara återskapas som den såg ut.',
    });
  }
}

/** The query string of GET …/reports/:year (the route refuses any other parameter). */
export const ReportQuery = z.object(narrowing).superRefine(checkNarrowing);
export type ReportFilters = z.infer<typeof ReportQuery>;

export const EXPORT_FORMATS = ['csv', 'xlsx', 'finsam'] as const;

/** The body of POST /v1/associations/:aid/exports: a report's narrowing, plus the file's form. */
export const ExportBody = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    format: z.enum(EXPORT_FORMATS),
    /** Counts below 5 shown as "<5", and whatever would reveal them suppressed too. */
    publication: z.boolean().default(false),
    ...narrowing,
  })
  .superRefine(checkNarrowing);
export type ExportBody = z.infer<typeof ExportBody>;

export function reportRequest(
  associationId: string,
  year: number,
  query: {
    interventionId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
): ReportRequest {
  return {
    associationId,
    year,
    ...(query.interventionId === undefined ? {} : { interventionId: query.interventionId }),
    ...(query.from === undefined || query.to === undefined
      ? {}
      : { period: { from: query.from, to: query.to } }),
  };
}

/** One name for a report's file, downloaded or exported: what it covers, readable in a folder. */
export function reportFileName(
  associationId: string,
  year: number,
  narrowing: ReportFilters & { readonly format?: string; readonly publication?: boolean },
  extension: string,
): string {
  const { interventionId, from, to, asOf, format, publication } = narrowing;
  const parts = [
    format === 'finsam' ? 'uppfoljning-finsam' : 'stegvis-rapport',
    associationId,
    String(year),
    interventionId,
    from && to ? `${from}--${to}` : undefined,
    asOf === undefined ? undefined : `per-${asOf.replace(/[^0-9TZ]/g, '')}`,
    publication === true ? 'publicering' : undefined,
  ];
  return `${parts.filter((p) => p !== undefined).join('-')}.${extension}`;
}
