// One chapter: its MDX content (with the course components) and links to its neighbours. This
// page and the playground are one chunk, and each chapter's text and tasks another: both are
// loaded by the route (site/routes.tsx) when a chapter opens, never by the home page.
import { useMemo } from 'react';
import { Link, useLoaderData, useParams } from 'react-router';
import { ChapterContext } from '../client/chapter-context';
import { chapters, type ChapterModule } from './chapters';
import { mdxComponents } from './mdx-components';
import { NotFound } from './NotFound';
import { OpenInStackBlitz } from './stackblitz/OpenInStackBlitz';

export function ChapterPage() {
  const { slug } = useParams();
  const loaded = useLoaderData<ChapterModule | null>();
  const index = chapters.findIndex((c) => c.slug === slug);
  const chapter = chapters[index];
  const context = useMemo(
    () => chapter && loaded && { slug: chapter.slug, stage: chapter.stage, compare: chapter.compare, tasks: loaded.tasks },
    [chapter, loaded],
  );
  if (!chapter || !loaded || !context) return <NotFound />;
  const previous = chapters[index - 1];
  const next = chapters[index + 1];
  const { Content } = loaded;

  return (
    <ChapterContext.Provider value={context}>
      {/* key: a new chapter starts with fresh playground state */}
      <article className="chapter" key={chapter.slug}>
        {/* React 19 moves <title> into <head>. */}
        <title>{`${chapter.title} · Cachecraft`}</title>
        <p className="chapter-kicker">Chapter {chapter.number}</p>
        <h1 tabIndex={-1}>{chapter.title}</h1>
        <OpenInStackBlitz chapter={chapter} />
        <Content components={mdxComponents} />
      </article>
      <nav className="prev-next" aria-label="Previous and next chapter">
        {previous ? (
          <Link to={`/chapters/${previous.slug}`} rel="prev">
            ← {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={`/chapters/${next.slug}`} rel="next">
            {next.title} →
          </Link>
        ) : (
          <Link to="/">Back to the start</Link>
        )}
      </nav>
    </ChapterContext.Provider>
  );
}
