// <Tasks />: the chapter's "Try this" list. A task is ticked when its check passes on the
// exchanges of the chapter's stage(s) in the live log, and stays ticked (see site/progress.ts).
import { useEffect, useMemo } from 'react';
import { chapterStages } from './chapter-list';
import { useChapter } from '../client/chapter-context';
import { getProgress, markDone, resetChapter, setProgress } from './progress';
import { passingTasks } from '../client/task-helpers';
import { useExchanges } from '../client/use-exchanges';
import { useProgress } from './use-progress';

export function Tasks() {
  const chapter = useChapter();
  if (!chapter) throw new Error('<Tasks /> is only available inside a chapter');
  const { exchanges } = useExchanges(chapterStages(chapter));
  const progress = useProgress();
  const passing = useMemo(() => passingTasks(chapter.tasks, exchanges, chapter), [chapter, exchanges]);

  useEffect(() => {
    if (passing.length > 0) setProgress(markDone(getProgress(), chapter.slug, passing));
  }, [passing, chapter.slug]);

  const done = new Set([...(progress[chapter.slug] ?? []), ...passing]);
  const count = chapter.tasks.filter((t) => done.has(t.id)).length;

  return (
    <section className="tasks" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">Try this</h2>
      <p className="tasks-progress">
        {count} of {chapter.tasks.length} done. The list ticks itself from the requests the server receives.
      </p>
      <ul>
        {chapter.tasks.map((task) => {
          const isDone = done.has(task.id);
          return (
            <li key={task.id} className={isDone ? 'task done' : 'task'} data-testid="task" data-done={isDone}>
              <span className="task-mark" aria-hidden="true">
                {isDone ? '✓' : '○'}
              </span>
              <span className="visually-hidden">{isDone ? 'Done: ' : 'To do: '}</span>
              <span className="task-text">{task.text}</span>
              {task.hint ? (
                <details className="task-hint">
                  <summary>Hint</summary>
                  {task.hint}
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => setProgress(resetChapter(getProgress(), chapter.slug))}>
        Reset progress
      </button>
    </section>
  );
}
