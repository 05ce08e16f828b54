// The reason phrases of RFC 9110, section 15, for the status codes the course can meet. The
// server writes them in its error pages; the page shows them beside a status code.
const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  412: 'Precondition Failed', 413: 'Content Too Large', 416: 'Range Not Satisfiable',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  505: 'HTTP Version Not Supported',
};

/** The standard phrase for a status code, or undefined for one the course does not know. */
export function standardReason(status: number): string | undefined {
  return REASONS[status];
}
