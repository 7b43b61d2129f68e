import { Workbook, type Cell as ExcelCell } from 'exceljs';
import { SUPPRESSED_TEXT } from './labels';
import { cellText, EXCEL_NUMBER_FORMATS } from './format';
import { isValidSheetName, type Cell, type ReportSheet } from './sheet.types';

/** exceljs drops a width of exactly 9 (its default), so the narrowest column is wider. */
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;

function write(target: ExcelCell, cell: Cell | undefined): void {
  if (cell === undefined) return;
  switch (cell.kind) {
    case 'text':
      // A string value is stored as text; exceljs writes formulas only from { formula }.
      target.value = cell.text;
      if (cell.text.length > MAX_WIDTH) target.alignment = { wrapText: true, vertical: 'top' };
      return;
    case 'count':
      target.value = cell.value;
      target.numFmt = EXCEL_NUMBER_FORMATS.count;
      return;
    case 'figure':
      if (cell.value === null) return;
      target.value = cell.value;
      target.numFmt = EXCEL_NUMBER_FORMATS[cell.format];
      return;
    case 'suppressed':
      target.value = SUPPRESSED_TEXT;
      target.alignment = { horizontal: 'right' };
      return;
  }
}

/**
 * The sheets as an Excel workbook, one worksheet each: a bold, frozen header row with a filter,
 * column widths from the content, numbers stored as numbers with a number format ('0' counts,
 * '0.0' days, '0.0%' shares: Swedish Excel shows "87,5" and "87,5 %"), "<5" stored as text.
 */
export async function renderXlsx(sheets: readonly ReportSheet[]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Stegvis';
  for (const sheet of sheets) {
    if (!isValidSheetName(sheet.name)) {
      throw new Error(`Invalid worksheet name: ${JSON.stringify(sheet.name)}`);
    }
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((column) => {
      const longest = Math.max(
        column.header.length,
        ...sheet.rows.map((row) => cellText(row[column.key]).length),
      );
      return {
        header: column.header,
        key: column.key,
        width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2)),
      };
    });
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      const excelRow = worksheet.addRow([]);
      sheet.columns.forEach((column, index) => write(excelRow.getCell(index + 1), row[column.key]));
    }
    if (sheet.columns.length > 0) {
      worksheet.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: 1, column: sheet.columns.length },
      };
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}
