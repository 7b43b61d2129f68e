import { api, receive, send } from './client';
import { fileNameOf, type DownloadedFile } from './files';
import type { paths } from './schema';

type ReportRoute = paths['/v1/associations/{aid}/reports/{year}']['get'];

/** The report JSON of DESIGN §4, as the OpenAPI document describes it. */
export type Report = ReportRoute['responses'][200]['content']['application/json'];
export type InterventionReport = Report['interventions'][number];
export type ReportTables = Report | InterventionReport;
export type GoalResult = Report['goals'][number];
export type Counts = Report['participants']['total'];

export type ReportSelection = {
  readonly associationId: string;
  readonly year: number;
  /** Empty for the whole association. */
  readonly interventionId: string;
};

const query = (selection: ReportSelection) =>
  selection.interventionId === '' ? {} : { interventionId: selection.interventionId };

/** The year's report for the association, or for one of its insatser. */
export const fetchReport = (selection: ReportSelection, signal?: AbortSignal): Promise<Report> =>
  send(
    api.GET('/v1/associations/{aid}/reports/{year}', {
      params: {
        path: { aid: selection.associationId, year: String(selection.year) },
        query: query(selection),
      },
      signal,
    }),
  );

const FILE_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The same report as a file (`2025.csv`, `2025.xlsx`), named as the server names it. */
export async function fetchReportFile(
  selection: ReportSelection,
  format: keyof typeof FILE_TYPES,
): Promise<DownloadedFile> {
  const { data, response } = await receive(
    api.GET('/v1/associations/{aid}/reports/{year}', {
      params: {
        path: { aid: selection.associationId, year: `${selection.year}.${format}` },
        query: query(selection),
      },
      headers: { Accept: FILE_TYPES[format] },
      parseAs: 'blob',
    }),
  );
  return {
    blob: data,
    fileName: fileNameOf(response, `stegvis-rapport-${selection.year}.${format}`),
  };
}
