// The report as text (one line per case, then a summary) or JSON, and the exit code. Pure.
import type { CaseResult, Report } from './run';

export const EXIT = {
  /** Every core case passed (advisory failures and cases that do not apply are allowed). */
  ok: 0,
  /** A core case failed, or could not be run. */
  coreFailed: 1,
  /** The check could not run: bad arguments or URL, refused connection, a first answer not 2xx, a bad --file. */
  unusable: 2,
} as const;

export interface Summary {
  pass: number;
  fail: number;
  notApplicable: number;
  error: number;
  /** The ids of the core cases that failed or errored. */
  coreFailures: string[];
  advisoryFailures: string[];
}

export function summarize(results: readonly CaseResult[]): Summary {
  const count = (verdict: CaseResult['verdict']) => results.filter((r) => r.verdict === verdict).length;
  const failing = (level: CaseResult['level']) => results.filter((r) => r.level === level && (r.verdict === 'fail' || r.verdict === 'error')).map((r) => r.id);
  return { pass: count('pass'), fail: count('fail'), notApplicable: count('n/a'), error: count('error'), coreFailures: failing('core'), advisoryFailures: failing('advisory') };
}

export function exitCode(summary: Summary): number {
  return summary.coreFailures.length > 0 ? EXIT.coreFailed : EXIT.ok;
}

const LABEL = { pass: 'PASS', fail: 'FAIL', 'n/a': 'N/A ', error: 'ERR ' } as const;

/** `FAIL core     13.1.2  inm-never-issued: … | sent GET · If-None-Match: "…" | got HTTP/1.1 304 … | why` */
export function formatLine(result: CaseResult): string {
  const parts = [`${LABEL[result.verdict]} ${result.level.padEnd(8)} ${('RFC 9110 ' + result.section).padEnd(24)} ${result.id}: ${result.title}`];
  if (result.sent) parts.push(`sent ${result.sent}`);
  if (result.got) parts.push(`got ${result.got}`);
  if (result.verdict !== 'pass' || !result.got) parts.push(result.verdict === 'n/a' ? `not applicable: ${result.detail}` : result.detail);
  return parts.join(' | ');
}

export function formatText(report: Report): string {
  const summary = summarize(report.results);
  const lines = [
    `cachecraft check ${report.url}${report.file ? ` (file ${report.file})` : ''}`,
    `first GET: ${report.first.statusLine}, ${report.first.contentLength} bytes; validators: ${validators(report)}`,
    '',
    ...report.results.map(formatLine),
    '',
    `${summary.pass} passed, ${summary.fail} failed, ${summary.notApplicable} not applicable${summary.error ? `, ${summary.error} could not run` : ''}.`,
    summary.coreFailures.length > 0 ? `Core cases failing: ${summary.coreFailures.join(', ')}.` : 'Every core case that applies passed.',
  ];
  if (summary.advisoryFailures.length > 0) lines.push(`Advisory cases failing (not counted in the exit code): ${summary.advisoryFailures.join(', ')}.`);
  return lines.join('\n');
}

export function formatJson(report: Report): string {
  const summary = summarize(report.results);
  return JSON.stringify({ ...report, summary, exitCode: exitCode(summary) }, null, 2);
}

function validators(report: Report): string {
  const get = (name: string) => report.first.fields.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  const found = ['ETag', 'Last-Modified'].filter((name) => get(name) !== undefined).map((name) => `${name}: ${get(name)}`);
  return found.length > 0 ? found.join(', ') : 'none';
}
