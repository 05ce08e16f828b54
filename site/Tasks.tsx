// <Tasks />: the chapter's "Try this" list. A task is ticked when its check passes on this
// learner's own exchanges of the chapter's stage(s) in the live log (client/learner.ts), and stays
// ticked (see site/progress.ts). "Reset progress" forgets the ticks and starts a new learner id,
// so only requests made after it count.
import { useEffect, useMemo } from 'react';
import { chapterStages } from './chapter-list';
import { useChapter } from '../client/chapter-context';
import { getProgress, markDone, resetChapter, setProgress } from './progress';
import { passingTasks } from '../client/task-helpers';
import { useExchanges } from '../client/use-exchanges';
import { renewLearnerId } from '../client/learner';
import { useLearnerId } from '../client/use-learner';
import { useProgress } from './use-progress';
import { yourStage } from '../common/your-stage';

export function Tasks() {
  const chapter = useChapter();
  if (!chapter) throw new Error('<Tasks /> is only available inside a chapter');
  // With the workshop's "your server" for the stage: its exchanges count as the stage's.
  const { exchanges } = useExchanges([...chapterStages(chapter), yourStage(chapter.stage)]);
  const progress = useProgress();
  const learner = useLearnerId();
  const passing = useMemo(() => passingTasks(chapter.tasks, exchanges, chapter, learner), [chapter, exchanges, learner]);

  useEffect(() => {
    if (passing.length > 0) setProgress(markDone(getProgress(), chapter.slug, passing));
  }, [passing, chapter.slug]);

  const done = new Set([...(progress[chapter.slug] ?? []), ...passing]);
  const count = chapter.tasks.filter((t) => done.has(t.id)).length;

  return (
    <section className="tasks" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">Try this</h2>
      <p className="tasks-progress">
        {count} of {chapter.tasks.length} done. The list ticks itself from the requests you send from this page:
        other chapters, other browsers and anyone else using the server do not count.
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
      <button
        type="button"
        onClick={() => {
          renewLearnerId(); // the requests made so far no longer count
          setProgress(resetChapter(getProgress(), chapter.slug));
        }}
      >
        Reset progress
      </button>
    </section>
  );
}
