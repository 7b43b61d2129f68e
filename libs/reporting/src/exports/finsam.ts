import { GENDER_COLUMN_LABELS, interventionKinds } from '@stegvis/domain';
import { participantCountBasis } from '../report/goal-evaluation';
import type { Report } from '../report/report.schema';
import { cellId, COUNT_COLUMNS, GENDERS, interventionScope, OWN_SCOPE } from './ids';
import { SHEET_DESCRIPTIONS, SHEET_NAMES, TEXTS } from './labels';
import { count, text, type ReportRow, type ReportSheet, type SumLine } from './sheet.types';

/**
 * What a förbund enters into Uppföljning Finsam each year (DESIGN §4): per intervention its
 * kind and its participants by gender — participants during the period for an individual
 * intervention, recorded head counts for a structural one. The cell ids are those of the
 * report's own tables, so suppressing this sheet together with `reportSheets` hides exactly
 * what the report's publication hides.
 *
 * A report for one intervention gives that intervention's row, from the report's own tables.
 */
export function finsamSheet(
  report: Pick<
    Report,
    'interventions' | 'interventionName' | 'interventionKind' | 'participants' | 'attendance'
  >,
): ReportSheet {
  const rows: ReportRow[] = [];
  const lines: SumLine[] = [];
  const entries =
    report.interventionName !== undefined && report.interventionKind !== undefined
      ? [
          {
            scope: OWN_SCOPE,
            name: report.interventionName,
            kind: report.interventionKind,
            tables: report,
          },
        ]
      : report.interventions.map((i) => ({
          scope: interventionScope(i.interventionId),
          name: i.name,
          kind: i.kind,
          tables: i,
        }));
  for (const i of entries) {
    const byAttendance = participantCountBasis(i.kind) === 'attendance';
    const counts = byAttendance ? i.tables.attendance : i.tables.participants.total;
    const path = byAttendance ? 'attendance' : 'participants.total';
    const id = (c: string) => cellId(i.scope, path, c);
    rows.push({
      insats: text(i.name),
      kind: text(interventionKinds.labels[i.kind]),
      ...Object.fromEntries(COUNT_COLUMNS.map((c) => [c, count(id(c), counts[c])])),
    });
    lines.push({ members: GENDERS.map(id), total: id('total') });
  }
  return {
    key: 'finsam',
    name: SHEET_NAMES.finsam,
    description: SHEET_DESCRIPTIONS.finsam,
    columns: [
      { key: 'insats', header: TEXTS.insats },
      { key: 'kind', header: TEXTS.finsamKind },
      { key: 'woman', header: GENDER_COLUMN_LABELS.woman },
      { key: 'man', header: GENDER_COLUMN_LABELS.man },
      { key: 'other', header: GENDER_COLUMN_LABELS.other },
      { key: 'total', header: TEXTS.total },
    ],
    rows,
    lines,
  };
}
