import { describe, expect, it } from 'vitest';
import { EXIT, exitCode, formatLine, summarize } from './report';
import type { CaseResult } from './run';

const result = (id: string, level: CaseResult['level'], verdict: CaseResult['verdict']): CaseResult => ({ id, section: '13.1.2', title: `${id} title`, level, verdict, detail: `${id} detail` });

describe('summarize and exitCode', () => {
  it('fails (1) only on a core case that failed or could not run', () => {
    const advisoryOnly = [result('a', 'core', 'pass'), result('b', 'core', 'n/a'), result('c', 'advisory', 'fail')];
    expect(summarize(advisoryOnly)).toEqual({ pass: 1, fail: 1, notApplicable: 1, error: 0, coreFailures: [], advisoryFailures: ['c'] });
    expect(exitCode(summarize(advisoryOnly))).toBe(EXIT.ok);
    expect(exitCode(summarize([...advisoryOnly, result('d', 'core', 'fail')]))).toBe(EXIT.coreFailed);
    expect(exitCode(summarize([result('e', 'core', 'error')]))).toBe(EXIT.coreFailed);
  });
});

describe('formatLine', () => {
  it('puts the verdict, level, section, case, what was sent and what came back on one line', () => {
    const line = formatLine({ ...result('inm-never-issued', 'core', 'fail'), sent: 'GET · If-None-Match: "x"', got: 'HTTP/1.1 304 Not Modified' });
    expect(line).toBe('FAIL core     RFC 9110 13.1.2          inm-never-issued: inm-never-issued title | sent GET · If-None-Match: "x" | got HTTP/1.1 304 Not Modified | inm-never-issued detail');
    expect(line).not.toContain('\n');
  });
  it('says "not applicable" and why, and leaves a pass without its detail', () => {
    expect(formatLine(result('x', 'core', 'n/a'))).toMatch(/^N\/A  core .* \| not applicable: x detail$/);
    expect(formatLine({ ...result('y', 'advisory', 'pass'), sent: 'HEAD', got: 'HTTP/1.1 200 OK' })).toMatch(/^PASS advisory .* \| got HTTP\/1\.1 200 OK$/);
  });
});
