import type { ReactNode } from 'react';
import type { Counts } from '../../api/reports';
import { count } from '../../format';
import { genderColumn, GENDER_KEYS } from '../../labels';

export type Column = { readonly label: string; readonly numeric?: boolean };

/** A captioned table in a wrapper that scrolls sideways on a narrow screen. */
export function Table({
  caption,
  columns,
  children,
  footer,
  captionHidden = false,
  id,
  className,
}: {
  readonly caption: string;
  readonly columns: readonly Column[];
  readonly children: ReactNode;
  readonly footer?: ReactNode;
  readonly captionHidden?: boolean;
  readonly id?: string;
  /** Of the scrolling wrapper, so a page can show or hide the table as a whole. */
  readonly className?: string;
}) {
  return (
    // A scrolling region must be reachable by keyboard to be scrolled (WCAG 2.1.1).
    <div
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="table" id={id}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  );
}

/** The count columns: women, men, other, total. */
export const GENDER_COLUMNS: readonly Column[] = [
  ...GENDER_KEYS.map((gender) => ({ label: genderColumn(gender), numeric: true })),
  { label: 'Totalt', numeric: true },
];

export function CountCells({ counts }: { readonly counts: Counts | undefined }) {
  return (
    <>
      {GENDER_KEYS.map((gender) => (
        <td key={gender} className="num">
          {count(counts?.[gender] ?? 0)}
        </td>
      ))}
      <td className="num">{count(counts?.total ?? 0)}</td>
    </>
  );
}
