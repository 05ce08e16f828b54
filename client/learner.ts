// Who this browser is, for the "try this" tasks: a random learner id kept in
// localStorage["cachecraft:learner"]. The playground sends it (X-Cachecraft-Learner, with
// X-Cachecraft-Chapter), and a cookie on /ch/ carries it on the pages the browser loads itself
// (the demo frame). The server takes these off before the stage sees the request and records
// them in the exchange (docs/api.md), so a task counts only this browser's own requests.
//
// "Reset progress" starts a new id: the requests made before no longer count for any chapter
// (tasks already done elsewhere stay done: they are stored in site/progress.ts).
import { CHAPTER_HEADER, LEARNER_COOKIE, LEARNER_HEADER, TAG_VALUE } from '../common/exchange';

export const LEARNER_KEY = 'cachecraft:learner';

type Listener = () => void;
const listeners = new Set<Listener>();
let current: string | undefined;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function setCookie(id: string): void {
  if (typeof document === 'undefined') return;
  // Only the stages need it; a year, renewed on every page load.
  document.cookie = `${LEARNER_COOKIE}=${id}; path=/ch/; max-age=31536000; SameSite=Strict`;
}

/** This browser's learner id, made on first use; sets the cookie the demo frame's loads carry. */
export function learnerId(): string {
  if (current === undefined) {
    const stored = storage()?.getItem(LEARNER_KEY) ?? null;
    current = stored && TAG_VALUE.test(stored) ? stored : randomId();
    if (current !== stored) store(current);
    setCookie(current);
  }
  return current;
}

function store(id: string): void {
  try {
    storage()?.setItem(LEARNER_KEY, id);
  } catch {
    // storage disabled: the id lives as long as the page
  }
}

/** A new learner id: the exchanges made under the old one no longer count. */
export function renewLearnerId(): string {
  current = randomId();
  store(current);
  setCookie(current);
  listeners.forEach((l) => l());
  return current;
}

export function subscribeLearner(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== LEARNER_KEY || !event.newValue || !TAG_VALUE.test(event.newValue)) return;
    current = event.newValue; // another tab reset: follow it
    listener();
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}

/** The headers the playground adds to every request it sends from a chapter. */
export function learnerHeaders(chapter: string | undefined): [string, string][] {
  const headers: [string, string][] = [[LEARNER_HEADER, learnerId()]];
  if (chapter) headers.push([CHAPTER_HEADER, chapter]);
  return headers;
}
