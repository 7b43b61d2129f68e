import { Workbook, type Cell as ExcelCell, type Worksheet } from 'exceljs';
import { SUPPRESSION_MARKS } from './labels';
import { cellText, EXCEL_NUMBER_FORMATS } from './format';
import { isValidSheetName, type Cell, type ReportSheet } from './sheet.types';

/** exceljs drops a width of exactly 9 (its default), so the narrowest column is wider. */
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;
/** Room a column keeps beside its longest text, in characters. */
const PADDING = 2;
/** Excel's default row height (Calibri 11), in points: the height of one line of text. */
const LINE_HEIGHT = 15;
const A4 = 9;

/**
 * How many lines `text` takes when wrapped at `width` characters, word by word as Excel wraps.
 * Counted in characters of the widest digit (Excel's column unit), so it rather overestimates
 * for ordinary text: a row may get a little room to spare, never too little.
 */
function wrappedLines(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      if (used > 0 && used + 1 + word.length <= width) {
        used += 1 + word.length;
        continue;
      }
      if (used > 0) lines++;
      // A word longer than a line is broken across lines.
      const broken = Math.max(0, Math.ceil(word.length / width) - 1);
      lines += broken;
      used = word.length - broken * width;
    }
  }
  return lines;
}

function write(target: ExcelCell, cell: Cell | undefined): void {
  if (cell === undefined) return;
  switch (cell.kind) {
    case 'text':
      // A string value is stored as text; exceljs writes formulas only from { formula }.
      target.value = cell.text;
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
      target.value = SUPPRESSION_MARKS[cell.mark];
      target.alignment = { horizontal: 'right' };
      return;
  }
}

function addSheet(workbook: Workbook, sheet: ReportSheet): void {
  if (!isValidSheetName(sheet.name)) {
    throw new Error(`Invalid worksheet name: ${JSON.stringify(sheet.name)}`);
  }
  const worksheet: Worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      // One page wide, as many pages tall as it takes; the header row on every page.
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
    headerFooter: { oddFooter: '&L&A&RSida &P av &N' },
  });
  const widths = sheet.columns.map((column) => {
    const longest = Math.max(
      column.header.length,
      ...sheet.rows.map((row) => cellText(row[column.key]).length),
    );
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + PADDING));
  });
  worksheet.columns = sheet.columns.map((column, index) => ({
    header: column.header,
    key: column.key,
    width: widths[index],
  }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of sheet.rows) {
    const excelRow = worksheet.addRow([]);
    let lines = 1;
    sheet.columns.forEach((column, index) => {
      const cell = row[column.key];
      write(excelRow.getCell(index + 1), cell);
      if (cell?.kind === 'text')
        lines = Math.max(lines, wrappedLines(cell.text, widths[index]! - PADDING));
    });
    // A text longer than its (capped) column wraps, and the row is made tall enough for it:
    // exceljs writes no row heights of its own, and a row left at one line overlaps the next.
    if (lines > 1) {
      excelRow.height = lines * LINE_HEIGHT;
      excelRow.eachCell((cell) => {
        cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
      });
    }
  }
  if (sheet.columns.length > 0) {
    worksheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: sheet.columns.length },
    };
  }
}

/**
 * The sheets as an Excel workbook, one worksheet each: a bold, frozen header row with a filter,
 * column widths from the content, numbers stored as numbers with a number format ('0' counts and
 * years, '0.0' days, '0.0%' shares: Swedish Excel shows "87,5" and "87,5%"), "<5" and ".." stored
 * as text. Every worksheet prints on A4 landscape, one page wide, with the header row repeated
 * on each page and the sheet's name and page number in the footer.
 */
export async function renderXlsx(sheets: readonly ReportSheet[]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Stegvis';
  for (const sheet of sheets) addSheet(workbook, sheet);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}
