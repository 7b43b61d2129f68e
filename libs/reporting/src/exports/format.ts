import { SUPPRESSION_MARKS } from './labels';
import type { Cell, NumberFormat } from './sheet.types';

/** Excel number formats; Swedish Excel shows them with a decimal comma ("87,5%"). */
export const EXCEL_NUMBER_FORMATS: Readonly<Record<NumberFormat, string>> = {
  count: '0',
  days: '0.0',
  share: '0.0%',
  year: '0',
};

/**
 * A number as Swedish text that Excel with Swedish settings (and LibreOffice) reads back as a
 * number: decimal comma, no thousands separator. Counts and years are whole ("2025"); days have
 * one decimal ("87,5", "190,0"); shares are percentages with up to two decimals and the percent
 * sign right after the number ("83,33%", "100%"): two decimals of a percentage are the four of
 * the report JSON's fractions, so nothing is lost, and with no space before "%" no spreadsheet
 * is left to guess whether a (no-break) space belongs to the number.
 */
export function swedishNumber(value: number, format: NumberFormat): string {
  switch (format) {
    case 'count':
    case 'year':
      return withDecimalComma(value.toFixed(0));
    case 'days':
      return withDecimalComma(value.toFixed(1));
    case 'share':
      return `${withDecimalComma(String(Number((value * 100).toFixed(2))))}%`;
  }
}

function withDecimalComma(text: string): string {
  return text.replace('.', ',');
}

/** A cell as plain text (for CSV and column widths); empty cells are ''. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'count':
      return swedishNumber(cell.value, 'count');
    case 'figure':
      return cell.value === null ? '' : swedishNumber(cell.value, cell.format);
    case 'suppressed':
      return SUPPRESSION_MARKS[cell.mark];
  }
}
