import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { PAGE_HEADING_ID } from './page';

/**
 * After a client-side navigation, moves focus to the new page's heading (as a page load would
 * put a screen reader at the top), so keyboard and screen reader users start on the new page.
 * The first page of a visit keeps the browser's own focus.
 */
export function RouteFocus() {
  const { pathname } = useLocation();
  // The address focus was last moved for; effects may run twice, a visit's first page never moves it.
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const target = document.getElementById(PAGE_HEADING_ID) ?? document.getElementById('main');
    target?.focus();
  }, [pathname]);
  return null;
}
