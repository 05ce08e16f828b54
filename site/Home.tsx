// The home page: what the course is, the chapters with progress, and how the live server works.
import { Link } from 'react-router';
import { chapters } from './chapters';
import { useProgress } from './use-progress';
import { comingChapters } from './coming';

export function Home() {
  const progress = useProgress();
  const coming = comingChapters(chapters.map((c) => c.stage));
  return (
    <div className="home">
      <h1>Cachecraft</h1>
      <p className="lead">
        An interactive course on HTTP caching. You build up a small static-file server in TypeScript one behaviour
        at a time, and try every step against a live server from this page: validators (Last-Modified, ETag), then
        serving files safely. Freshness, load and the rest of HTTP's conditional requests are coming (listed below
        the chapters).
      </p>
      <p>
        It grew from a real 2008 blog post, “Webservers with Python - Caching” by Yeraze (
        <a href="http://www.yeraze.com/article.php/webservers_with_python_caching">
          http://www.yeraze.com/article.php/webservers_with_python_caching
        </a>
        ): a monitoring page served by a small Python server that struggled under load until its author added
        caching headers. The course ports that server to TypeScript, keeps its mistakes where they teach something,
        and fixes them chapter by chapter.
      </p>

      <h2>Chapters</h2>
      <ol className="chapter-list">
        {chapters.map((c) => {
          const done = c.taskIds.filter((id) => progress[c.slug]?.includes(id)).length;
          return (
            <li key={c.slug}>
              <Link to={`/chapters/${c.slug}`}>
                <span className="chapter-number">{c.number}</span>{c.title}
              </Link>
              <p>{c.summary}</p>
              {c.taskIds.length > 0 ? (
                <p className="chapter-progress" data-testid="chapter-progress">
                  <progress max={c.taskIds.length} value={done} aria-label={`${c.title}: tasks done`} /> {done}/
                  {c.taskIds.length} tasks
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>

      {coming.length > 0 ? (
        <>
          <h2 id="coming-heading">Coming later</h2>
          <p className="muted">Not written yet: these chapters have no page so far.</p>
          <ol className="coming-list" aria-labelledby="coming-heading" start={chapters.length + 1} data-testid="coming-list">
            {coming.map((c) => (
              <li key={c.stage}>
                {c.title} <span className="coming-mark">coming</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}

      <h2>How the live server works</h2>
      <p>
        The course server runs on the same origin as this site: inside Vite's dev server under{' '}
        <code>npm run dev</code>, or on its own with <code>npm run serve</code> after <code>npm run build</code>. Each chapter has its own stage at <code>/ch/&lt;stage&gt;/</code>, serving a private copy of the
        sample files with that chapter’s caching rules. Every request a stage receives — from the playground, from
        the demo page, from <code>curl</code> — is written to a request log that each chapter page streams live, so you see
        exactly what your browser sent and what the server answered. The “Try this” lists count only your own
        requests: those you send from the chapter’s playground (other browsers, and people sharing the server, do
        not tick your tasks).
      </p>
    </div>
  );
}
