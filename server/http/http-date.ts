// HTTP-date (RFC 9110, section 5.6.7): how HTTP writes a point in time, to the second, in GMT.
//
// A sender always writes the preferred form, IMF-fixdate:   Sun, 06 Nov 1994 08:49:37 GMT
// A recipient must also accept the two obsolete forms:
//   RFC 850:  Sunday, 06-Nov-94 08:49:37 GMT
//   asctime:  Sun Nov  6 08:49:37 1994
// The names are English and case-sensitive, whatever the machine's locale.
//
// The parser is in parse-http-date.ts (a workshop exercise swaps that file alone); it is
// re-exported here, so the whole of HTTP-date is one import.
import { DAY_NAMES, LONG_DAY_NAMES, MONTH_NAMES } from './http-date-names';

export { parseHttpDate } from './parse-http-date';

const two = (n: number) => String(n).padStart(2, '0');

// #region format-http-date
/** Formats a time as IMF-fixdate, always in GMT; milliseconds are dropped, not rounded. */
export function formatHttpDate(time: Date | number): string {
  const d = new Date(time);
  return (
    `${DAY_NAMES[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTH_NAMES[d.getUTCMonth()]} ` +
    `${String(d.getUTCFullYear()).padStart(4, '0')} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`
  );
}
// #endregion

/** The obsolete RFC 850 form, for tests and for showing what old clients send. */
export function formatRfc850Date(time: Date | number): string {
  const d = new Date(time);
  return (
    `${LONG_DAY_NAMES[d.getUTCDay()]}, ${two(d.getUTCDate())}-${MONTH_NAMES[d.getUTCMonth()]}-` +
    `${two(d.getUTCFullYear() % 100)} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`
  );
}

/** The obsolete asctime form (C's asctime(), no zone: it is GMT by definition). */
export function formatAsctimeDate(time: Date | number): string {
  const d = new Date(time);
  return (
    `${DAY_NAMES[d.getUTCDay()]} ${MONTH_NAMES[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`
  );
}
