// Small pure judgements on responses, each with the RFC 9110 rule it reads. The cases
// (cases.ts) put them together; they have their own unit tests (judge.test.ts).
import { parseHttpDate } from '../server/http/http-date';
import type { Field } from './request';
import { header, type ParsedResponse } from './response';

export type Judgement = { pass: boolean; detail: string } | { notApplicable: string };

export const pass = (detail: string): Judgement => ({ pass: true, detail });
export const fail = (detail: string): Judgement => ({ pass: false, detail });
export const notApplicable = (reason: string): Judgement => ({ notApplicable: reason });

// entity-tag = [ weak ] opaque-tag; opaque-tag = DQUOTE *etagc DQUOTE (RFC 9110, 8.8.3)
const ENTITY_TAG = /^(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

/** An ETag field value is one entity-tag: quoted, with an optional `W/` before the quotes. */
export function isEntityTag(value: string): boolean {
  return ENTITY_TAG.test(value);
}

export const isWeakTag = (tag: string) => tag.startsWith('W/');

/** The same opaque tag with the other strength: `"x"` ↔ `W/"x"`. Matches by weak comparison only (8.8.3.2). */
export function otherStrength(tag: string): string {
  return isWeakTag(tag) ? tag.slice(2) : `W/${tag}`;
}

// IMF-fixdate (RFC 9110, 5.6.7), the one form a sender may generate.
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Written as IMF-fixdate, and a date that exists. */
export function isImfFixdate(text: string): boolean {
  return IMF_FIXDATE.test(text) && parseHttpDate(text) !== null;
}

/** The status a case expects: 304, or the status of the unconditional GET (a 2xx, usually 200). */
export function expectStatus(got: ParsedResponse, expected: number, whenWrong: string): Judgement {
  if (got.status === expected) return pass(`${expected} as expected`);
  return fail(`expected ${expected}, got ${got.status}: ${whenWrong}`);
}

/** What a 304 must repeat from the 200 (RFC 9110, 15.4.5): these fields, when the 200 had them. */
export const REPEATED_IN_304 = ['Cache-Control', 'Content-Location', 'Date', 'ETag', 'Expires', 'Vary'];

/**
 * The fields of REPEATED_IN_304 the 200 had and the 304 lacks, and an ETag that differs (the
 * 304 says the stored copy is current: its tag must be that copy's). Values of the others may
 * legitimately move (Date, an Expires computed from now), so only their presence is checked.
 */
export function missingFrom304(ok: readonly Field[], notModified: readonly Field[]): string[] {
  const problems: string[] = [];
  for (const name of REPEATED_IN_304) {
    if (header(ok, name) === undefined) continue;
    const repeated = header(notModified, name);
    if (repeated === undefined) problems.push(`no ${name} (the 200 had ${name}: ${header(ok, name)})`);
    else if (name === 'ETag' && repeated !== header(ok, name)) problems.push(`ETag ${repeated} differs from the 200's ${header(ok, name)}`);
  }
  return problems;
}

/**
 * A 304 ends with its header section (RFC 9110, 15.4.5; RFC 9112, 6.3), and a Content-Length in
 * it, if any, must be the length the 200 would have had (RFC 9110, 8.6).
 */
export function contentIn304(notModified: ParsedResponse, okLength: number): string[] {
  const problems: string[] = [];
  if (notModified.extra.length > 0) problems.push(`${notModified.extra.length} bytes after the header section`);
  const length = header(notModified.fields, 'Content-Length');
  if (length !== undefined && length !== String(okLength)) problems.push(`Content-Length: ${length}, but the 200 had ${okLength} bytes`);
  return problems;
}

/** RFC 9110, 8.8.2.1: Last-Modified is not later than Date. Null when either is not an HTTP-date. */
export function lastModifiedAfterDate(lastModified: string, date: string): boolean | null {
  const [lm, d] = [parseHttpDate(lastModified), parseHttpDate(date)];
  if (lm === null || d === null) return null;
  return lm > d;
}

/** The validators two responses disagree on (HEAD against GET: RFC 9110, 9.3.2). */
export function validatorDifferences(a: readonly Field[], b: readonly Field[]): string[] {
  return ['ETag', 'Last-Modified'].filter((name) => header(a, name) !== header(b, name)).map((name) => `${name}: ${header(a, name) ?? '(none)'} vs ${header(b, name) ?? '(none)'}`);
}

/** Other bytes of the same length: one byte changed (the middle one), so size stays and content does not. */
export function sameSizeOtherBytes(bytes: Uint8Array): Buffer {
  const copy = Buffer.from(bytes);
  if (copy.length === 0) return copy;
  const at = Math.floor(copy.length / 2);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

/** An ISO 8601 date (not an HTTP-date), which RFC 9110, 13.1.3 says to ignore in If-Modified-Since. */
export function isoDate(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
