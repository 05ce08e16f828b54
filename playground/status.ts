// How a status code is shown: a colour family and a reason phrase. Unknown codes are fine.
import { standardReason } from '../common/reason-phrases';

export type StatusKind = 'success' | 'not-modified' | 'redirect' | 'client-error' | 'server-error' | 'other';

export function statusKind(status: number): StatusKind {
  if (status === 304) return 'not-modified';
  if (status >= 200 && status < 300) return 'success';
  if (status >= 300 && status < 400) return 'redirect';
  if (status >= 400 && status < 500) return 'client-error';
  if (status >= 500 && status < 600) return 'server-error';
  return 'other';
}

/** The server's own phrase when it sent one (HTTP/1.1 only), else the standard one, else "". */
export function reasonPhrase(status: number, fromServer = ''): string {
  return fromServer.trim() || standardReason(status) || '';
}
