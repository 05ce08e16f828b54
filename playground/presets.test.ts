import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../server/http/http-date';
import { parseEntityTags } from '../server/http/entity-tag';
import { HEADER_PRESETS } from './presets';

const now = new Date(Date.UTC(2026, 10, 25, 18, 0, 0));
const preset = (label: string) => {
  const p = HEADER_PRESETS.find((x) => x.label === label);
  if (!p) throw new Error(label);
  return p;
};

describe('header presets', () => {
  it('dates are IMF-fixdate: now and one hour ago', () => {
    expect(preset('If-Modified-Since: now').value(now)).toBe('Wed, 25 Nov 2026 18:00:00 GMT');
    expect(preset('If-Modified-Since: 1 hour ago').value(now)).toBe('Wed, 25 Nov 2026 17:00:00 GMT');
  });

  it('garbage is not a date, and the ETag is a quoted strong tag', () => {
    expect(parseHttpDate(preset('If-Modified-Since: garbage').value(now))).toBeNull();
    expect(preset('If-None-Match: "anything"').value(now)).toBe('"anything"');
  });

  it('the tag no server here sends is one well-formed strong entity tag', () => {
    const value = preset('If-None-Match: "never-sent-by-this-server"').value(now);
    expect(value).toBe('"never-sent-by-this-server"');
    expect(parseEntityTags(value)).toEqual([value]);
  });

  it('1 Jan 2000 is a valid date older than any file of the samples (a stale date, chapter 5)', () => {
    const date = parseHttpDate(preset('If-Modified-Since: 1 Jan 2000').value(now));
    expect(date).toBe(Date.UTC(2000, 0, 1));
  });

  it('the obsolete forms and the length suffix name the same instant as "now"', () => {
    expect(preset('If-Modified-Since: RFC 850 form (now)').value(now)).toBe('Wednesday, 25-Nov-26 18:00:00 GMT');
    expect(preset('If-Modified-Since: asctime form (now)').value(now)).toBe('Wed Nov 25 18:00:00 2026');
    expect(preset('If-Modified-Since: with "; length=615" (now)').value(now)).toBe('Wed, 25 Nov 2026 18:00:00 GMT; length=615');
    for (const label of ['If-Modified-Since: RFC 850 form (now)', 'If-Modified-Since: asctime form (now)']) {
      expect(parseHttpDate(preset(label).value(now), now.getTime())).toBe(now.getTime());
    }
  });

  it('no label contains another (tests and screen readers find a button by its name)', () => {
    const labels = HEADER_PRESETS.map((p) => p.label.toLowerCase());
    for (const a of labels) for (const b of labels) if (a !== b) expect(a.includes(b), `${a} / ${b}`).toBe(false);
  });
});
