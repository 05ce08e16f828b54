// After moving to another page inside the app (a chapter link, "next", the browser's back button),
// a keyboard or screen-reader user should start where a fresh page starts: on its heading. Without
// this, focus stays on a link that is gone and the next Tab starts from the top of the document.
// The scrolling is <ScrollRestoration /> in site/Layout.tsx: to the top of a new page (or to its
// #hash), back to the old position on back and forward.
import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * When the path changes (not on the first page, nor when only the #hash changes), focuses the
 * page's h1 in `container` (made focusable by script, tabindex=-1, when it is not), or the
 * container itself when the page has no h1. Focusing does not scroll.
 */
export function useFocusHeadingOnNavigation(container: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const shown = useRef(pathname);

  useEffect(() => {
    if (shown.current === pathname) return; // the first page (and StrictMode's second run)
    shown.current = pathname;
    const heading = container.current?.querySelector('h1');
    if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    (heading ?? container.current)?.focus({ preventScroll: true });
  }, [pathname, container]);
}
