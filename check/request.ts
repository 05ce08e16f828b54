// The exact bytes of one request. Raw text rather than a client library, so that what a case
// says it sends (two If-None-Match lines, a date in an obsolete form) is what goes on the wire,
// and the report can show it as it went.
import type { Target } from './target';

export type Field = readonly [name: string, value: string];

export interface RequestSpec {
  method: 'GET' | 'HEAD';
  /** The case's own fields, in order; a name may repeat (each is its own field line). */
  fields: readonly Field[];
}

export const USER_AGENT = 'cachecraft-check';

/**
 * A complete HTTP/1.1 request: Host, a User-Agent, `Connection: close` (one request per
 * connection: the end of the answer is where the server hangs up, so a stray byte after a 304
 * shows), then the case's fields. Nothing else: no Accept-Encoding, no Cache-Control (which
 * some servers read as "answer 200", e.g. `fresh`, behind express.static).
 */
export function buildRequest(target: Target, spec: RequestSpec): string {
  const lines = [
    `${spec.method} ${target.path} HTTP/1.1`,
    `Host: ${target.authority}`,
    `User-Agent: ${USER_AGENT}`,
    'Connection: close',
    ...spec.fields.map(([name, value]) => `${name}: ${value}`),
  ];
  return lines.join('\r\n') + '\r\n\r\n';
}

/** The case's fields as one line for the report: `If-None-Match: "x" · If-Modified-Since: …`. */
export function describeSent(spec: RequestSpec): string {
  const fields = spec.fields.map(([name, value]) => `${name}: ${value}`);
  return [spec.method, ...fields].join(' · ');
}
