export {
  COLUMN_KEYS,
  isValidSheetName,
  type Cell,
  type ColumnKey,
  type CountCell,
  type FigureCell,
  type NumberFormat,
  type ReportColumn,
  type ReportRow,
  type ReportSheet,
  type SumLine,
  type SuppressedCell,
  type SuppressionMark,
  type TextCell,
} from './sheet.types';
export { SHEET_NAMES, SUPPRESSION_MARKS, WHOLE_ASSOCIATION, type SheetKey } from './labels';
export { reportSheets, aboutSheet } from './report-sheets';
export { finsamSheet } from './finsam';
export { suppressForPublication, cellsToSuppress, PUBLICATION_THRESHOLD } from './suppression';
export { renderCsv } from './csv';
export { renderXlsx } from './xlsx';
export { swedishNumber, EXCEL_NUMBER_FORMATS } from './format';
export * from './render-export';
