// How a status code is shown: a colour family and a reason phrase. Unknown codes are fine.

export type StatusKind = 'success' | 'not-modified' | 'redirect' | 'client-error' | 'server-error' | 'other';

export function statusKind(status: number): StatusKind {
  if (status === 304) return 'not-modified';
  if (status >= 200 && status < 300) return 'success';
  if (status >= 300 && status < 400) return 'redirect';
  if (status >= 400 && status < 500) return 'client-error';
  if (status >= 500 && status < 600) return 'server-error';
  return 'other';
}

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 412: 'Precondition Failed',
  413: 'Content Too Large', 416: 'Range Not Satisfiable',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

/** The server's own phrase when it sent one (HTTP/1.1 only), else the standard one, else "". */
export function reasonPhrase(status: number, fromServer = ''): string {
  return fromServer.trim() || REASONS[status] || '';
}
