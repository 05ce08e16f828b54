// The frame around every page: skip link, header with the chapters, theme toggle, footer.
import { Link, NavLink, Outlet } from 'react-router';
import { chapters } from './chapters';
import { ThemeToggle } from './ThemeToggle';

export function Layout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="site-name">
          Cachecraft
        </Link>
        <nav aria-label="Chapters">
          <ol className="chapter-nav">
            {chapters.map((c) => (
              <li key={c.slug}>
                {/* NavLink marks the current chapter with aria-current="page" (styled in layout.css). */}
                <NavLink to={`/chapters/${c.slug}`}>
                  <span className="chapter-number">{c.number}</span>{c.title}
                </NavLink>
              </li>
            ))}
          </ol>
        </nav>
        <ThemeToggle />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
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
