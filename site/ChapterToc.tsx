// The table of contents: the chapters grouped by part, the current one marked (aria-current="page",
// from NavLink) and each with its tasks done. A sidebar on wide screens; on phones the layout
// shows it under the header when its menu button is pressed (site/Layout.tsx).
import { useId, type MouseEvent } from 'react';
import { NavLink } from 'react-router';
import { groupByPart, tasksDone, type TocChapter } from './toc';
import { useProgress } from './use-progress';

interface Props {
  chapters: readonly TocChapter[];
  id?: string;
  /** Phones only: whether the menu is open (wide screens always show the table of contents). */
  open?: boolean;
  /** A chapter link was followed (a plain click: not one that opens a new tab). */
  onNavigate?: (path: string) => void;
}

export function ChapterToc({ chapters, id, open = false, onNavigate }: Props) {
  const progress = useProgress();
  const prefix = useId();
  const parts = groupByPart(chapters);

  const followed = (path: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    onNavigate?.(path);
  };

  return (
    <nav id={id} className="toc" aria-label="Chapters" data-open={open}>
      {parts.map((part, index) => {
        const headingId = `${prefix}-part-${index}`;
        return (
          <div className="toc-part" key={part.name}>
            <h2 className="toc-part-name" id={headingId}>
              {part.name}
            </h2>
            <ol aria-labelledby={headingId}>
              {part.chapters.map((chapter) => {
                const path = `/chapters/${chapter.slug}`;
                return (
                  <li key={chapter.slug}>
                    <NavLink to={path} className="toc-link" onClick={followed(path)}>
                      <span className="toc-number">{chapter.number}</span>{' '}
                      <span className="toc-title">{chapter.title}</span>
                      <TaskCount {...tasksDone(chapter, progress)} />
                    </NavLink>
                  </li>
                );
              })}
            </ol>
          </div>
        );
      })}
    </nav>
  );
}

/** "2/4" (read as "2 of 4 tasks done"), or a tick once all are done; nothing for a chapter without tasks. */
function TaskCount({ done, total }: { done: number; total: number }) {
  if (total === 0) return null;
  const complete = done === total;
  return (
    <span className={complete ? 'toc-progress toc-complete' : 'toc-progress'} data-testid="toc-progress">
      <span aria-hidden="true">{complete ? '✓' : `${done}/${total}`}</span>
      <span className="visually-hidden">{complete ? ' (all tasks done)' : ` (${done} of ${total} ${total === 1 ? 'task' : 'tasks'} done)`}</span>
    </span>
  );
}
