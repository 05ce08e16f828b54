import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAsctimeDate, formatHttpDate, formatRfc850Date, parseHttpDate } from './http-date';

const EXAMPLE = Date.UTC(1994, 10, 6, 8, 49, 37);
// Whole-second times from 1970 to 9999 (HTTP-dates have four-digit years).
const times = fc.integer({ min: 0, max: 253402300799 }).map((s) => s * 1000);

describe('formatHttpDate', () => {
  it('writes IMF-fixdate in GMT', () => {
    expect(formatHttpDate(EXAMPLE)).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
  });
  it('drops milliseconds instead of rounding up', () => {
    expect(formatHttpDate(EXAMPLE + 999)).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
  });
  it('does not depend on the local time zone', async () => {
    // Run in child processes, since a process's zone is fixed when it starts; the seed stage's
    // test shows what local time does. Each zone must also really be in force there.
    const module = fileURLToPath(new URL('./http-date.ts', import.meta.url));
    const code =
      `const m = await import(${JSON.stringify(module)});` +
      `console.log(JSON.stringify([new Date(Date.UTC(2008, 2, 19, 20, 32)).getTimezoneOffset(),` +
      ` m.formatHttpDate(Date.UTC(2008, 2, 19, 20, 32)), m.parseHttpDate('Wed, 19 Mar 2008 20:32:00 GMT'),` +
      ` m.parseHttpDate('Wednesday, 19-Mar-08 20:32:00 GMT'), m.parseHttpDate('Wed Mar 19 20:32:00 2008')]));`;
    const run = promisify(execFile);
    for (const [zone, offset] of [['Pacific/Kiritimati', -14 * 60], ['America/Chicago', 5 * 60]] as const) {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env: { ...process.env, TZ: zone } });
      const t = Date.UTC(2008, 2, 19, 20, 32);
      expect(JSON.parse(stdout), zone).toEqual([offset, 'Wed, 19 Mar 2008 20:32:00 GMT', t, t, t]);
    }
  }, 30_000);
});

describe('parseHttpDate', () => {
  it('accepts the three forms of RFC 9110, 5.6.7', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(EXAMPLE);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(EXAMPLE);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(EXAMPLE);
  });

  it.each([
    '',
    'yesterday',
    'Sun, 06 Nov 1994 08:49:37',
    'Sun, 06 Nov 1994 08:49:37 UTC',
    'Sun, 06 Nov 1994 08:49:37 +0000',
    'sun, 06 nov 1994 08:49:37 GMT',
    'Sun, 6 Nov 1994 08:49:37 GMT',
    'Sun, 06 Nov 94 08:49:37 GMT',
    'Sun, 06 Nov 1994 24:00:00 GMT',
    'Sun, 06 Nov 1994 08:60:00 GMT',
    'Mon, 31 Feb 2025 10:00:00 GMT',
    'Sun, 00 Nov 1994 08:49:37 GMT',
    'Sun, 06 Nov 1994 08:49:37 GMT; length=1024',
    ' Sun, 06 Nov 1994 08:49:37 GMT',
    'So, 06 Nov 1994 08:49:37 GMT',
    '1994-11-06T08:49:37Z',
  ])('rejects %j', (text) => {
    expect(parseHttpDate(text)).toBeNull();
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseHttpDate('Thu, 29 Feb 2024 12:00:00 GMT')).toBe(Date.UTC(2024, 1, 29, 12));
    expect(parseHttpDate('Sat, 29 Feb 2025 12:00:00 GMT')).toBeNull();
  });

  it('counts a leap second as :59 of the same minute', () => {
    expect(parseHttpDate('Sat, 31 Dec 2016 23:59:60 GMT')).toBe(Date.UTC(2016, 11, 31, 23, 59, 59));
  });

  it('reads a two-digit RFC 850 year as at most 50 years ahead (RFC 9110, 5.6.7)', () => {
    const thisYear = new Date().getUTCFullYear();
    const soon = (thisYear + 10) % 100;
    const parsed = parseHttpDate(`Monday, 01-Jan-${String(soon).padStart(2, '0')} 00:00:00 GMT`);
    expect(new Date(parsed!).getUTCFullYear()).toBe(thisYear + 10);
    const far = (thisYear + 60) % 100;
    const past = parseHttpDate(`Monday, 01-Jan-${String(far).padStart(2, '0')} 00:00:00 GMT`);
    expect(new Date(past!).getUTCFullYear()).toBe(thisYear + 60 - 100);
  });

  it.each([
    // [now, two-digit date, the year it means]
    ['2025-06-15T00:00:00Z', '01-Jan-75 00:00:00', 2075],
    ['2025-06-15T00:00:00Z', '15-Jun-75 00:00:00', 2075], // exactly 50 years ahead: still ahead
    ['2025-06-15T00:00:00Z', '15-Jun-75 00:00:01', 1975], // one second more: the past
    ['2025-06-15T00:00:00Z', '01-Jan-76 00:00:00', 1976],
    ['2025-06-15T00:00:00Z', '01-Jan-25 00:00:00', 2025],
    ['2051-06-15T00:00:00Z', '01-Jan-01 00:00:00', 2101], // the next century, 49.5 years ahead
    ['2051-06-15T00:00:00Z', '01-Jan-02 00:00:00', 2002],
    ['2051-06-15T00:00:00Z', '01-Jan-51 00:00:00', 2051],
    ['2095-06-15T00:00:00Z', '01-Jan-05 00:00:00', 2105],
    ['2095-06-15T00:00:00Z', '01-Jan-45 00:00:00', 2145],
    ['2095-06-15T00:00:00Z', '01-Jan-46 00:00:00', 2046],
    ['2095-06-15T00:00:00Z', '01-Jan-95 00:00:00', 2095],
  ])('at %s, %s means %i', (now, date, year) => {
    const parsed = parseHttpDate(`Monday, ${date} GMT`, Date.parse(now));
    expect(new Date(parsed!).getUTCFullYear()).toBe(year);
  });

  it('gives a day that does not exist its year first, then refuses it', () => {
    // At 2060, "29-Feb-00" is 2100, which is no leap year: not the 2000 that would exist.
    expect(parseHttpDate('Tuesday, 29-Feb-00 00:00:00 GMT', Date.parse('2060-01-01T00:00:00Z'))).toBeNull();
    expect(parseHttpDate('Tuesday, 29-Feb-00 00:00:00 GMT', Date.parse('2025-01-01T00:00:00Z'))).toBe(Date.UTC(2000, 1, 29));
  });

  it('does not check the day name against the date', () => {
    // 6 November 1994 was a Sunday.
    expect(parseHttpDate('Mon, 06 Nov 1994 08:49:37 GMT')).toBe(EXAMPLE);
    expect(parseHttpDate('Monday, 06-Nov-94 08:49:37 GMT', Date.parse('2025-01-01T00:00:00Z'))).toBe(EXAMPLE);
    expect(parseHttpDate('Mon Nov  6 08:49:37 1994')).toBe(EXAMPLE);
  });

  it('reads the years 0000 to 0099 as themselves, not as 1900 to 1999', () => {
    expect(new Date(parseHttpDate('Sat, 01 Jan 0000 00:00:00 GMT')!).getUTCFullYear()).toBe(0);
    expect(new Date(parseHttpDate('Sat, 01 Jan 0099 00:00:00 GMT')!).getUTCFullYear()).toBe(99);
    expect(new Date(parseHttpDate('Sat Jan  1 00:00:00 0042')!).getUTCFullYear()).toBe(42);
  });
});

describe('properties', () => {
  it('format then parse gives back the same second', () => {
    fc.assert(fc.property(times, fc.integer({ min: 0, max: 999 }), (t, ms) => parseHttpDate(formatHttpDate(t + ms)) === t));
  });

  it('the three forms parse to the same instant', () => {
    // RFC 850 has a two-digit year: keep to the 50 years either side of now, where it is unambiguous.
    const now = Date.now();
    const nearNow = fc.integer({ min: Math.ceil((now - 49 * 365 * 86400e3) / 1000), max: Math.floor((now + 49 * 365 * 86400e3) / 1000) }).map((s) => s * 1000);
    fc.assert(
      fc.property(nearNow, (t) => {
        const imf = parseHttpDate(formatHttpDate(t));
        return imf === t && parseHttpDate(formatRfc850Date(t)) === imf && parseHttpDate(formatAsctimeDate(t)) === imf;
      }),
    );
  });

  it('never throws, and returns null or a whole second, on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), times.map(formatHttpDate).map((s) => s.replace(/\d/, '9'))), (text) => {
        const parsed = parseHttpDate(text);
        return parsed === null || (Number.isInteger(parsed) && parsed % 1000 === 0);
      }),
    );
  });
});
