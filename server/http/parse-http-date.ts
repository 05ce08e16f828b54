// Reading an HTTP-date (RFC 9110, 5.6.7) in any of its three forms: IMF-fixdate, and the two
// obsolete ones a recipient must still accept, RFC 850 and asctime (http-date.ts shows all three).
import { MONTH_NAMES } from './http-date-names';

// #region parse-http-date
const DAY = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * Parses any of the three HTTP-date forms. Returns milliseconds since the epoch (a whole
 * second), or null when the text is not a valid HTTP-date. Never throws.
 *
 * The day name must be well formed but, as in Go's net/http, it is not checked against the date.
 * `now` only decides the century of an RFC 850 date's two-digit year.
 */
export function parseHttpDate(text: string, now: number = Date.now()): number | null {
  let m = IMF_FIXDATE.exec(text);
  if (m) return toTime(+m[4]!, m[3]!, +m[2]!, +m[5]!, +m[6]!, +m[7]!);

  m = RFC_850.exec(text);
  if (m) return toTime(rfc850Year(+m[4]!, m[3]!, +m[2]!, +m[5]!, +m[6]!, +m[7]!, now), m[3]!, +m[2]!, +m[5]!, +m[6]!, +m[7]!);

  m = ASCTIME.exec(text);
  if (m) return toTime(+m[7]!, m[2]!, +m[3]!.trim(), +m[4]!, +m[5]!, +m[6]!);

  return null;
}

/**
 * RFC 850's two-digit year. RFC 9110, 5.6.7: a timestamp that appears to be more than 50 years
 * in the future means the most recent past year with the same last two digits. So, of the
 * years ending in `yy` in the previous, current and next century, take the latest whose
 * timestamp is at most 50 years after now. Compared field by field, so that a date that does
 * not exist (29 February 2100) still gets its year, and is refused afterwards.
 */
function rfc850Year(yy: number, month: string, day: number, h: number, min: number, s: number, now: number): number {
  const n = new Date(now);
  const limit = [n.getUTCFullYear() + 50, n.getUTCMonth(), n.getUTCDate(), n.getUTCHours(), n.getUTCMinutes(), n.getUTCSeconds()];
  const century = Math.floor(n.getUTCFullYear() / 100) * 100;
  const candidates = [century + 100 + yy, century + yy];
  const notAfterLimit = (fields: number[]) => {
    const differs = fields.findIndex((value, i) => value !== limit[i]);
    return differs < 0 || fields[differs]! < limit[differs]!;
  };
  // The previous century's year is always more than 50 years back, so it is the last resort.
  return candidates.find((year) => notAfterLimit([year, MONTH_NAMES.indexOf(month), day, h, min, s])) ?? century - 100 + yy;
}

function toTime(year: number, month: string, day: number, h: number, min: number, s: number): number | null {
  const monthIndex = MONTH_NAMES.indexOf(month);
  if (h > 23 || min > 59 || s > 60) return null;
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day); // not Date.UTC: it reads years 0-99 as 1900-1999
  // A leap second (:60) is allowed by the grammar; count it as :59 rather than roll the minute.
  d.setUTCHours(h, min, Math.min(s, 59), 0);
  // Reject dates that do not exist, such as 31 Feb, which JavaScript would roll into March.
  if (d.getUTCMonth() !== monthIndex || d.getUTCDate() !== day) return null;
  return d.getTime();
}
// #endregion
