// A 304 ends with its header section: no body; a Content-Length on it is the 200's length.
import { fieldValue, type CheckedResponse, type Finding } from './finding';

/**
 * A 304 with body bytes is an error (RFC 9110, 15.4.5: it cannot contain content). A 304's
 * Content-Length, when sent, must be what the 200 would have sent (8.6): checked against the
 * last 200 when there is one.
 */
export function notModifiedBodyRule(response: CheckedResponse, previous200: CheckedResponse | undefined): Finding[] {
  if (response.status !== 304) return [];
  const findings: Finding[] = [];
  if (response.bodyBytes > 0) {
    findings.push({ rule: 'not-modified-body', level: 'error', message: `The 304 came with ${response.bodyBytes} bytes of body: a 304 ends with its headers.`, cite: 'RFC 9110, 15.4.5' });
  }
  const length = fieldValue(response.responseHeaders, 'content-length');
  if (length !== undefined && previous200) {
    const length200 = fieldValue(previous200.responseHeaders, 'content-length') ?? String(previous200.bodyBytes);
    if (length.trim() !== length200.trim()) {
      findings.push({
        rule: 'not-modified-content-length',
        level: 'error',
        message: `The 304 says Content-Length: ${length}, the 200 had ${length200}: on a 304 it may only repeat the 200's length.`,
        cite: 'RFC 9110, 8.6',
      });
    }
  }
  if (findings.length === 0 && response.bodyBytes === 0) {
    findings.push({ rule: 'not-modified-body', level: 'good', message: 'The 304 has no body, as it must.', cite: 'RFC 9110, 15.4.5' });
  }
  return findings;
}
