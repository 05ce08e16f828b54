// What the response check says about one response: findings, each from one small rule.

/** How a finding reads: said in words on the page, never by colour alone. */
export type FindingLevel = 'good' | 'info' | 'warning' | 'error';

export interface Finding {
  /** Which rule said it (stable, for tests and keys). */
  rule: string;
  level: FindingLevel;
  /** One or two sentences, plain text. */
  message: string;
  /** Where the rule comes from, e.g. "RFC 9110, 15.4.5". */
  cite: string;
  /** Request headers that would try what the finding suggests (e.g. a conditional request). */
  suggest?: [string, string][];
}

/** A response as the server logged it: what went over the wire. An Exchange fits. */
export interface CheckedResponse {
  method: string;
  status: number;
  responseHeaders: readonly (readonly [string, string])[];
  /** Bytes of body sent. */
  bodyBytes: number;
  /** When the request arrived (ms since the epoch): "the future" is measured from here when there is no Date. */
  time: number;
}

/** Every value of a field, in order (a field may come on several lines). */
export function fieldValues(headers: CheckedResponse['responseHeaders'], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

/** The field's value as one line (RFC 9110, 5.3: lines of one name join with ", "), or undefined when absent. */
export function fieldValue(headers: CheckedResponse['responseHeaders'], name: string): string | undefined {
  const values = fieldValues(headers, name);
  return values.length === 0 ? undefined : values.join(', ');
}
