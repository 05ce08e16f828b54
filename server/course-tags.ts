// The course's own tags on a request (common/exchange.ts): X-Cachecraft-Learner,
// X-Cachecraft-Chapter and the cachecraft-learner cookie. They say who sent a request, for the
// page's "try this" tasks; they are not part of the request the learner wrote, so they are taken
// off before the stage sees it and recorded beside it (docs/api.md).
import { CHAPTER_HEADER, LEARNER_COOKIE, LEARNER_HEADER, TAG_VALUE } from '../common/exchange';

export interface CourseTags {
  /** The header fields without the tags, in their order and case. */
  headers: [string, string][];
  learner?: string;
  chapter?: string;
  /** True when anything was taken off (the stage then needs the filtered headers). */
  changed: boolean;
}

const learnerHeader = LEARNER_HEADER.toLowerCase();
const chapterHeader = CHAPTER_HEADER.toLowerCase();

export function takeCourseTags(fields: readonly (readonly [string, string])[]): CourseTags {
  const headers: [string, string][] = [];
  let learner: string | undefined;
  let cookieLearner: string | undefined;
  let chapter: string | undefined;
  let changed = false;
  for (const [name, value] of fields) {
    const lower = name.toLowerCase();
    if (lower === learnerHeader) {
      changed = true;
      if (TAG_VALUE.test(value.trim())) learner ??= value.trim();
    } else if (lower === chapterHeader) {
      changed = true;
      if (TAG_VALUE.test(value.trim())) chapter ??= value.trim();
    } else if (lower === 'cookie' && value.includes(LEARNER_COOKIE)) {
      const kept: string[] = [];
      for (const pair of value.split(';')) {
        const [key = '', ...rest] = pair.split('=');
        if (key.trim() === LEARNER_COOKIE) {
          changed = true;
          const id = rest.join('=').trim();
          if (TAG_VALUE.test(id)) cookieLearner ??= id;
        } else if (pair.trim() !== '') kept.push(pair.trim());
      }
      if (kept.length > 0) headers.push([name, kept.join('; ')]);
    } else {
      headers.push([name, value]);
    }
  }
  return { headers, learner: learner ?? cookieLearner, chapter, changed };
}

/**
 * Whether node's raw header list (name, value, name, value…) carries any of the course's tags:
 * a quick look, so that the common request without them (curl, a benchmark) costs no copy.
 */
export function hasCourseTags(rawHeaders: readonly string[]): boolean {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length === learnerHeader.length || name.length === chapterHeader.length) {
      const lower = name.toLowerCase();
      if (lower === learnerHeader || lower === chapterHeader) return true;
    } else if (name.length === 6 && name.toLowerCase() === 'cookie' && rawHeaders[i + 1]!.includes(LEARNER_COOKIE)) {
      return true;
    }
  }
  return false;
}
