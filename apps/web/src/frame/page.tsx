import { useEffect, type ReactNode } from 'react';

export const PAGE_HEADING_ID = 'sidrubrik';

/**
 * A page's top: its heading (where focus goes after navigation) and the window's title, so a
 * screen reader user hears where they are and the browser's history names the page.
 */
export function Page({
  title,
  heading = title,
  lead,
  children,
}: {
  readonly title: string;
  /** The visible heading when it says more than the window title. */
  readonly heading?: string;
  readonly lead?: ReactNode;
  readonly children?: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} – Stegvis`;
  }, [title]);
  return (
    <>
      <h1 id={PAGE_HEADING_ID} tabIndex={-1}>
        {heading}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </>
  );
}
