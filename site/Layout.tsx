// The frame around every page: skip link, header (home link, theme toggle, the chapters menu button
// on phones), the table of contents (a sidebar on wide screens), the page, footer.
import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { chapters } from './chapters';
import { ChapterToc } from './ChapterToc';
import { ThemeToggle } from './ThemeToggle';
import { useFocusHeadingOnNavigation } from './use-focus-heading';

const TOC_ID = 'chapter-toc';

export function Layout() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const toc = useRef<HTMLDivElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  useFocusHeadingOnNavigation(main);

  // The menu closes when the page changes (the new page's heading then has focus)…
  useEffect(() => setMenuOpen(false), [pathname]);

  // …and on Escape, handing focus back to its button when it was in the menu.
  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const active = document.activeElement;
      setMenuOpen(false);
      if (active === document.body || active === menuButton.current || toc.current?.contains(active)) {
        menuButton.current?.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

  return (
    <>
      <ScrollRestoration />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="site-name">
          Cachecraft
        </Link>
        <ThemeToggle />
        <button
          type="button"
          className="menu-button"
          ref={menuButton}
          aria-expanded={menuOpen}
          aria-controls={TOC_ID}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <MenuIcon open={menuOpen} /> Chapters
        </button>
      </header>
      <div className="site-body">
        <div className="sidebar" ref={toc}>
          <ChapterToc
            chapters={chapters}
            id={TOC_ID}
            open={menuOpen}
            onNavigate={(path) => {
              // The chapter already shown: no page change to move focus, so back to the button.
              if (path === pathname && menuOpen) menuButton.current?.focus();
              setMenuOpen(false);
            }}
          />
        </div>
        <main id="main" tabIndex={-1} ref={main}>
          <Outlet />
        </main>
      </div>
      <footer className="site-footer">
        <p>
          Cachecraft is open source. It grew from “Webservers with Python - Caching” (Yeraze, 2008),{' '}
          <a href="http://www.yeraze.com/article.php/webservers_with_python_caching">
            http://www.yeraze.com/article.php/webservers_with_python_caching
          </a>
          .
        </p>
      </footer>
    </>
  );
}

/** Three bars, or a cross while the menu is open. */
function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg className="menu-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {open ? (
        <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
      ) : (
        <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
      )}
    </svg>
  );
}
