// Last-Modified is an HTTP-date, and never later than the response's Date.
import { parseHttpDate } from '../../server/http/http-date';
import { fieldValue, type CheckedResponse, type Finding } from './finding';

/**
 * A Last-Modified that is not an HTTP-date (5.6.7) is an error; one later than Date (or, without
 * Date, than when the request arrived) is an error too: an origin server with a clock must not
 * send it (8.8.2.1).
 */
export function lastModifiedRule(response: CheckedResponse): Finding[] {
  const text = fieldValue(response.responseHeaders, 'last-modified');
  if (text === undefined) return [];
  const lastModified = parseHttpDate(text.trim(), response.time);
  if (lastModified === null) {
    return [{ rule: 'last-modified-date', level: 'error', message: `Last-Modified “${text}” is not an HTTP-date: a client cannot compare it.`, cite: 'RFC 9110, 5.6.7' }];
  }
  const dateText = fieldValue(response.responseHeaders, 'date');
  const date = dateText === undefined ? null : parseHttpDate(dateText.trim(), response.time);
  if (date !== null) {
    if (lastModified > date) {
      return [{
        rule: 'last-modified-date',
        level: 'error',
        message: `Last-Modified (${text}) is later than Date (${dateText}), by ${seconds(lastModified - date)}: an origin server must not send a date after the response's own.`,
        cite: 'RFC 9110, 8.8.2.1',
      }];
    }
    return [{ rule: 'last-modified-date', level: 'good', message: 'Last-Modified is an HTTP-date, not later than Date.', cite: 'RFC 9110, 8.8.2.1' }];
  }
  // Without a usable Date, compare with when the request arrived (to the second, as HTTP-dates are).
  if (lastModified > Math.ceil(response.time / 1000) * 1000) {
    return [{
      rule: 'last-modified-date',
      level: 'error',
      message: `Last-Modified (${text}) is in the future: ${seconds(lastModified - response.time)} after the request arrived (there is no Date among the checked fields to compare with).`,
      cite: 'RFC 9110, 8.8.2.1',
    }];
  }
  return [{
    rule: 'last-modified-date',
    level: 'good',
    message: 'Last-Modified is an HTTP-date, not later than when the request arrived (there is no Date among the checked fields to compare with).',
    cite: 'RFC 9110, 8.8.2.1',
  }];
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s === 1 ? '1 second' : `${s} seconds`;
}
