import { SUPPRESSED_TEXT } from './labels';
import type { Cell, NumberFormat } from './sheet.types';

/** Excel number formats; Swedish Excel shows them with a decimal comma ("87,5 %"). */
export const EXCEL_NUMBER_FORMATS: Readonly<Record<NumberFormat, string>> = {
  count: '0',
  days: '0.0',
  share: '0.0%',
};

const DECIMALS: Readonly<Record<NumberFormat, number>> = { count: 0, days: 1, share: 4 };

/**
 * A number as Swedish text: decimal comma, no thousands separator (so a script or Excel reads
 * it back as a number). Counts are whole; days have one decimal ("87,5", "190,0"); shares are
 * fractions 0–1 with at most four decimals ("0,875", "1"), as in the report JSON.
 */
export function swedishNumber(value: number, format: NumberFormat): string {
  const fixed = value.toFixed(DECIMALS[format]);
  const trimmed = format === 'share' ? String(Number(fixed)) : fixed;
  return trimmed.replace('.', ',');
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
      return SUPPRESSED_TEXT;
  }
}
