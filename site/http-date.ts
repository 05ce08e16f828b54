// HTTP dates on the page side (the server has its own, in server/http/): formatting for the
// header presets, and recognising the three forms RFC 9110 §5.6.7 allows, for the tasks.

/** IMF-fixdate, e.g. "Tue, 25 Nov 2026 18:00:00 GMT" (toUTCString has exactly this form). */
export function formatHttpDate(date: Date): string {
  return date.toUTCString();
}

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
const FORMS = [
  new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`), // IMF-fixdate
  new RegExp(`^${LONG_DAY}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`), // obsolete RFC 850
  new RegExp(`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`), // obsolete asctime
];

/** True when the value has the shape of one of the three HTTP-date forms. */
export function isHttpDate(value: string): boolean {
  return FORMS.some((form) => form.test(value.trim()));
}
