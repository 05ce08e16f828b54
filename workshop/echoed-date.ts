// Workshop exercise "echoed-date": write parseHttpDate, the rule of chapter "echoed-date".
// npm run workshop -- check echoed-date   runs the chapter's tests on this file
// npm run workshop -- solve echoed-date   writes the course's solution here
// npm run workshop -- reset echoed-date   brings this start back
import { MONTH_NAMES } from '../server/http/http-date-names';

/**
 * Parses any of the three HTTP-date forms. Returns milliseconds since the epoch (a whole
 * second), or null when the text is not a valid HTTP-date. Never throws.
 *
 * The day name must be well formed but, as in Go's net/http, it is not checked against the date.
 * `now` only decides the century of an RFC 850 date's two-digit year.
 */
export function parseHttpDate(text: string, now: number = Date.now()): number | null {
  // TODO Accept all three forms of RFC 9110, 5.6.7 (a sender writes only the first); anything else is not a date:
  //     IMF-fixdate   Sun, 06 Nov 1994 08:49:37 GMT
  //     RFC 850       Sunday, 06-Nov-94 08:49:37 GMT   (obsolete: the long day name, a two-digit year)
  //     asctime       Sun Nov  6 08:49:37 1994         (obsolete: a space before a one-digit day, no zone: GMT)
  // TODO The names are English and case-sensitive; MONTH_NAMES (imported above) gives a month its index.
  // TODO The time is GMT: build it with setUTCFullYear and setUTCHours, never in local time (the 2008 server read
  //     the echoed date on its local clock, chapter 3). Date.UTC reads the years 0 to 99 as 1900 to 1999.
  // TODO Not a date means null, never an exception: "; length=615" after a date, 31 Feb, 25:00:00, a lower-case "gmt".
  // TODO An RFC 850 year yy: a date that would be more than 50 years in the future is the most recent past year
  //     ending in yy (5.6.7); `now` is there to decide that.
  throw new Error('TODO: write parseHttpDate in workshop/echoed-date.ts');
}
