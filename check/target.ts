// The URL the check is pointed at, read once: where to connect and what to put in the request
// line and Host. Plain http only (the cases are about HTTP semantics, not TLS).

export interface Target {
  /** Where to connect. */
  host: string;
  port: number;
  /** The request target, origin-form (RFC 9112, 3.2.1): path and query as in the URL. */
  path: string;
  /** The Host field value: the URL's authority (the port only when it is not 80). */
  authority: string;
  /** The URL as given, for messages. */
  url: string;
}

/** A problem that stops the whole run, shown as one line. */
export class CheckError extends Error {}

export function parseTarget(text: string): Target {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CheckError(`not a URL: ${JSON.stringify(text)} (expected e.g. http://127.0.0.1:3000/ch/last-modified/monitor.css)`);
  }
  if (url.protocol === 'https:') throw new CheckError(`https is not supported: ${text} (point the check at the plain http address of the server)`);
  if (url.protocol !== 'http:') throw new CheckError(`not an http URL: ${text}`);
  if (url.username || url.password) throw new CheckError(`a URL with credentials is not supported: ${url.host}`);
  const host = url.hostname.replace(/^\[|\]$/g, ''); // [::1] → ::1 for net.connect
  const port = url.port === '' ? 80 : Number(url.port);
  return { host, port, path: (url.pathname || '/') + url.search, authority: url.host, url: url.href };
}
