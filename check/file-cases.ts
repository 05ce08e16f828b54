// The cases that change the file behind the URL (only with --file <path>): a rewrite of the
// same size within the same second, and a touch that rewrites the same bytes. Each puts the
// file back (FileGuard) before the next case runs.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Exchange, Send } from './exchange';
import type { FileGuard } from './file-guard';
import { expectStatus, fail, isWeakTag, pass, sameSizeOtherBytes, type Judgement } from './judge';
import { readProbe, type Probe } from './probe';
import type { Level } from './cases';
import type { RequestSpec } from './request';
import { header, type ParsedResponse } from './response';

export interface FileCase {
  id: string;
  section: string;
  title: string;
  level: Level;
  /** Why it does not apply to this server, or null. */
  skip: (probe: Probe) => string | null;
  run: (send: Send, guard: FileGuard) => Promise<{ exchange: Exchange; judgement: Judgement }>;
}

/** The request that asks "still the copy I got in `before`?": by its tag, else by its date. */
export function revalidate(before: Probe): RequestSpec {
  if (before.etag !== undefined) return { method: 'GET', fields: [['If-None-Match', before.etag]] };
  return { method: 'GET', fields: [['If-Modified-Since', before.lastModified!]] };
}

/** After the content changed: the old validator must not get a 304, and a new tag must differ. */
export function judgeAfterRewrite(before: Probe, after: ParsedResponse, okStatus: number): Judgement {
  const by = before.etag !== undefined ? `the old tag ${before.etag}` : `the old date ${before.lastModified}`;
  if (after.status === 304) return fail(`304 to ${by} after the content changed (same size, same second): a cache keeps serving the old content`);
  const newTag = header(after.fields, 'ETag');
  if (before.etag !== undefined && newTag === before.etag) return fail(`${after.status}, but the ETag is still ${newTag}: the next revalidation will get a 304 for old content`);
  return expectStatus(after, okStatus, 'the content changed');
}

/** After a touch (same bytes): the copy is still good, so the tag should still match. */
export function judgeAfterTouch(before: Probe, after: ParsedResponse): Judgement {
  if (after.status === 304) return pass(`304: the tag ${before.etag} survived a touch that changed nothing`);
  return fail(`${after.status} to ${before.etag} after a touch that changed no byte: the tag follows the modification time, not the content, and every client downloads the file again`);
}

// Waits for the start of a second, so that a write and a rewrite fit in it.
async function earlyInSecond(): Promise<void> {
  const into = Date.now() % 1000;
  if (into > 100) await sleep(1000 - into + 5);
}

const second = (ms: number) => Math.floor(ms / 1000);

async function rewriteWithinOneSecond(send: Send, guard: FileGuard) {
  const changed = sameSizeOtherBytes(guard.original);
  for (let attempt = 0; attempt < 5; attempt++) {
    await earlyInSecond();
    guard.write(guard.original); // the file as served, with a fresh mtime at the start of this second
    const written = guard.mtimeMs();
    const before = readProbe((await send({ method: 'GET', fields: [] })).response);
    guard.write(changed);
    if (second(guard.mtimeMs()) !== second(written)) continue; // the second rolled over: again
    const exchange = await send(revalidate(before));
    return { exchange, judgement: judgeAfterRewrite(before, exchange.response, before.ok.status) };
  }
  throw new Error('could not write the file twice within one second in 5 attempts (a slow disk or server?)');
}

const notEmpty = (probe: Probe) => (probe.ok.body.length === 0 ? 'the file is empty: no other content of the same size' : null);

// #region check-file-cases
export const FILE_CASES: FileCase[] = [
  {
    id: 'rewrite-same-second-strong-etag',
    section: '8.8.1, 13.1.2',
    title: 'a same-size rewrite within the same second: the old strong tag → 200 and a new tag',
    // A strong tag is defined (8.8.1) as one that changes whenever the content does: a cache
    // trusts it to the byte.
    level: 'core',
    skip: (probe) => (probe.etag === undefined || isWeakTag(probe.etag) ? 'no strong ETag (see rewrite-same-second)' : notEmpty(probe)),
    run: rewriteWithinOneSecond,
  },
  {
    id: 'rewrite-same-second',
    section: '8.8.1, 8.8.2.2',
    title: 'a same-size rewrite within the same second: the old weak tag or date → 200',
    // Weak tags and dates are allowed to miss a change (8.8.1): a one-second date cannot see
    // one within its second (8.8.2.2). So advisory: what it finds is the price of that validator.
    level: 'advisory',
    skip: (probe) =>
      probe.etag !== undefined && !isWeakTag(probe.etag)
        ? 'the ETag is strong (see rewrite-same-second-strong-etag)'
        : probe.etag === undefined && probe.lastModified === undefined
          ? 'no validator'
          : notEmpty(probe),
    run: rewriteWithinOneSecond,
  },
  {
    id: 'touch-same-bytes',
    section: '8.8.1',
    title: 'a rewrite with the same bytes a second later: the old tag → 304',
    // Not a rule of the RFC (a validator may change for other reasons, 8.8.1): the course's advice.
    level: 'advisory',
    skip: (probe) => (probe.etag === undefined ? 'no ETag (Last-Modified changes on a touch by definition)' : null),
    run: async (send, guard) => {
      const before = readProbe((await send({ method: 'GET', fields: [] })).response);
      await sleep(1000 - (Date.now() % 1000) + 20); // the next second: a new mtime, whatever its resolution
      guard.write(guard.original);
      const exchange = await send(revalidate(before));
      return { exchange, judgement: judgeAfterTouch(before, exchange.response) };
    },
  },
];
// #endregion
