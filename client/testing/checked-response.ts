// Responses for the rules' tests: only the status and the fields a test is about spelled out.
import { formatHttpDate } from '../../server/http/http-date';
import type { CheckedResponse } from '../response-check/finding';

export const NOW = Date.UTC(2026, 10, 25, 18, 0, 0);
export const DATE = formatHttpDate(NOW);
export const EARLIER = formatHttpDate(NOW - 3600_000);

/** A GET's response, logged at NOW; a 304 has no body, anything else 100 bytes, unless told. */
export function response(status: number, headers: [string, string][], bodyBytes = status === 304 ? 0 : 100): CheckedResponse {
  return { method: 'GET', status, responseHeaders: headers, bodyBytes, time: NOW };
}
