// Which validators the response carries, and what a conditional request would get with them.
import { fieldValue, type CheckedResponse, type Finding } from './finding';

/**
 * For a 200 or a 304: each validator present (ETag, RFC 9110 8.8.3; Last-Modified, 8.8.2), with
 * the conditional request that uses it and the 304 to expect while the file is unchanged
 * (If-None-Match, 13.1.2; If-Modified-Since, 13.1.3). A 200 with neither gets a warning: a cache
 * can only fetch it whole again. Other statuses: nothing to say.
 */
export function validatorsRule(response: CheckedResponse): Finding[] {
  if (response.status !== 200 && response.status !== 304) return [];
  const etag = fieldValue(response.responseHeaders, 'etag');
  const lastModified = fieldValue(response.responseHeaders, 'last-modified');
  const findings: Finding[] = [];
  if (etag !== undefined) {
    findings.push({
      rule: 'validators-etag',
      level: 'good',
      message: `Has an ETag validator: send If-None-Match: ${etag} → expect 304 while the file is unchanged.`,
      cite: 'RFC 9110, 13.1.2',
      suggest: [['If-None-Match', etag]],
    });
  }
  if (lastModified !== undefined) {
    findings.push({
      rule: 'validators-last-modified',
      level: 'good',
      message: `Has a Last-Modified validator: send If-Modified-Since: ${lastModified} → expect 304 while the file is unchanged${
        etag !== undefined ? ' (when If-None-Match is sent too, it wins and this date is ignored)' : ''
      }.`,
      cite: etag !== undefined ? 'RFC 9110, 13.1.3 and 13.2.2' : 'RFC 9110, 13.1.3',
      suggest: [['If-Modified-Since', lastModified]],
    });
  }
  if (findings.length === 0 && response.status === 200) {
    findings.push({
      rule: 'validators-none',
      level: 'warning',
      message: 'No validator (no ETag, no Last-Modified): a cache cannot ask whether its copy is still good, it can only fetch the whole file again.',
      cite: 'RFC 9110, 8.8',
    });
  }
  return findings;
}
