// Which of the fields the server received the learner wrote, and which the browser added: the
// playground compares the request as written with the one the server logged.

export interface ReceivedField {
  name: string;
  value: string;
  /** True when the learner did not write this field: the browser (or fetch) added it. */
  added: boolean;
  /** Why the browser added it, when the playground itself is the cause. */
  why?: string;
}

/** What `cache: 'no-store'` makes Chromium add (and Firefox: Pragma and Cache-Control: no-cache). */
const NO_STORE_FIELDS = new Set(['pragma', 'cache-control']);
export const NO_STORE_REASON =
  "added because the playground sends with cache: 'no-store' (the browser asks any cache on the way for a fresh answer)";

export function markReceived(
  received: readonly (readonly [string, string])[],
  written: readonly (readonly [string, string])[],
): ReceivedField[] {
  const yours = new Set(written.map(([name]) => name.trim().toLowerCase()));
  return received.map(([name, value]) => {
    const lower = name.toLowerCase();
    if (yours.has(lower)) return { name, value, added: false };
    return NO_STORE_FIELDS.has(lower) ? { name, value, added: true, why: NO_STORE_REASON } : { name, value, added: true };
  });
}

/** True when the browser added a field because of cache: 'no-store' (the note under the list then explains it). */
export function addedByNoStore(fields: readonly ReceivedField[]): boolean {
  return fields.some((f) => f.why === NO_STORE_REASON);
}
