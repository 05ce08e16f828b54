// A 304 stands for the 200 the cache holds: it must repeat the fields that 200 would carry.
import { fieldValue, type CheckedResponse, type Finding } from './finding';

/**
 * The fields a 304 must generate when a 200 to the same request would have sent them
 * (RFC 9110, 15.4.5): Content-Location, Date, ETag and Vary; Cache-Control and Expires.
 */
export const REPEATED_BY_304 = ['ETag', 'Cache-Control', 'Expires', 'Vary', 'Content-Location', 'Date'] as const;

/**
 * For a 304, compared with the last 200 for the same stage and path (`previous200`): each field
 * of REPEATED_BY_304 the 200 had and the 304 lacks is an error; one with another value is a
 * warning (the file may have changed since that 200, or it is a bug). Date differs by nature.
 */
export function notModifiedRepeatsRule(response: CheckedResponse, previous200: CheckedResponse | undefined): Finding[] {
  if (response.status !== 304) return [];
  if (!previous200) {
    return [{
      rule: 'not-modified-repeats',
      level: 'info',
      message: 'No earlier 200 for this path in your history to compare this 304 with: send a GET without conditions first.',
      cite: 'RFC 9110, 15.4.5',
    }];
  }
  const findings: Finding[] = [];
  const repeated: string[] = [];
  for (const name of REPEATED_BY_304) {
    const before = fieldValue(previous200.responseHeaders, name);
    if (before === undefined) continue;
    const now = fieldValue(response.responseHeaders, name);
    if (now === undefined) {
      findings.push({
        rule: 'not-modified-repeats',
        level: 'error',
        message: `The 304 lacks ${name}, which the 200 had (${before}): a cache updating its copy from this 304 gets no ${name}.`,
        cite: 'RFC 9110, 15.4.5',
      });
    } else if (name !== 'Date' && now !== before) {
      findings.push({
        rule: 'not-modified-repeats',
        level: 'warning',
        message: `The 304's ${name} (${now}) differs from the 200's (${before}): a cache replaces its stored ${name} with the new one.`,
        cite: 'RFC 9111, 4.3.4',
      });
    } else {
      repeated.push(name);
    }
  }
  if (findings.length === 0) {
    findings.push({
      rule: 'not-modified-repeats',
      level: 'good',
      message: repeated.length > 0 ? `The 304 repeats what the 200 had: ${repeated.join(', ')}.` : 'The 200 had none of the fields a 304 must repeat.',
      cite: 'RFC 9110, 15.4.5',
    });
  }
  return findings;
}
