// Which tasks a learner has done, kept in the browser: localStorage["cachecraft:progress"] is
// `{ [chapterSlug]: string[] }` of done task ids. Once done a task stays done (the server's log
// forgets old exchanges; the learner should not lose credit for them).

export const PROGRESS_KEY = 'cachecraft:progress';

export type Progress = Record<string, string[]>;

/** Reads progress, ignoring anything malformed (a hand-edited or older value must not crash the page). */
export function parseProgress(raw: string | null): Progress {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const progress: Progress = {};
    for (const [slug, ids] of Object.entries(value)) {
      if (Array.isArray(ids)) progress[slug] = ids.filter((id): id is string => typeof id === 'string');
    }
    return progress;
  } catch {
    return {};
  }
}

/** Adds done ids to a chapter; returns the same object when nothing changed (cheap to compare). */
export function markDone(progress: Progress, slug: string, ids: string[]): Progress {
  const done = progress[slug] ?? [];
  const added = ids.filter((id) => !done.includes(id));
  if (added.length === 0) return progress;
  return { ...progress, [slug]: [...done, ...added] };
}

export function resetChapter(progress: Progress, slug: string): Progress {
  const { [slug]: _removed, ...rest } = progress;
  return rest;
}

// --- The browser store: one copy per page, shared by the home page and the tasks lists. ---

type Listener = () => void;
const listeners = new Set<Listener>();
let current: Progress | undefined;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // e.g. storage disabled: progress then lives only as long as the page
  }
}

export function getProgress(): Progress {
  current ??= parseProgress(storage()?.getItem(PROGRESS_KEY) ?? null);
  return current;
}

export function setProgress(next: Progress): void {
  if (next === current) return;
  current = next;
  try {
    storage()?.setItem(PROGRESS_KEY, JSON.stringify(next));
  } catch {
    // full or disabled storage: keep going with the in-memory copy
  }
  listeners.forEach((l) => l());
}

export function subscribeProgress(listener: Listener): () => void {
  listeners.add(listener);
  // Another tab finishing a task updates this one too.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== PROGRESS_KEY) return;
    current = parseProgress(event.newValue);
    listener();
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}
