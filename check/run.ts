// Runs every case against one URL, one request at a time, and returns the report.
import { CASES, type Level } from './cases';
import { sender, type Exchange } from './exchange';
import { FILE_CASES } from './file-cases';
import { FileGuard } from './file-guard';
import type { Judgement } from './judge';
import { readProbe } from './probe';
import { describeSent } from './request';
import type { Field } from './request';
import { CheckError, parseTarget } from './target';
import { DEFAULT_TIMEOUT_MS } from './wire';

export type Verdict = 'pass' | 'fail' | 'n/a' | 'error';

export interface CaseResult {
  id: string;
  section: string;
  title: string;
  level: Level;
  verdict: Verdict;
  detail: string;
  /** What was sent (method and the case's fields), and the raw request. */
  sent?: string;
  request?: string;
  /** The status line that came back, and the fields. */
  got?: string;
  fields?: Field[];
}

export interface Report {
  url: string;
  file?: string;
  /** The unconditional GET every case starts from. */
  first: { statusLine: string; fields: Field[]; contentLength: number };
  results: CaseResult[];
}

export interface CheckOptions {
  url: string;
  file?: string;
  timeoutMs?: number;
  /** Restore the file on Ctrl-C/SIGTERM and exit (the CLI); a test leaves signals alone. */
  handleSignals?: boolean;
}

export async function runCheck(options: CheckOptions): Promise<Report> {
  const target = parseTarget(options.url);
  const send = sender(target, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);

  const first = await send({ method: 'GET', fields: [] });
  const ok = first.response;
  if (ok.status < 200 || ok.status > 299) {
    throw new CheckError(`the first GET of ${target.url} answered "${ok.statusLine}", not a 2xx: the check needs the URL of a file the server serves`);
  }
  const probe = readProbe(ok);
  const report: Report = { url: target.url, file: options.file, first: { statusLine: ok.statusLine, fields: ok.fields, contentLength: ok.body.length }, results: [] };
  const record = (meta: Omit<CaseResult, 'verdict' | 'detail'>, judgement: Judgement, exchange?: Exchange) =>
    report.results.push({ ...meta, ...verdictOf(judgement), ...(exchange ? seen(exchange) : {}) });

  for (const { plan, judge, ...meta } of CASES) {
    const spec = plan(probe);
    if ('notApplicable' in spec) {
      record(meta, spec);
      continue;
    }
    // A case the server does not answer (in time, or in HTTP) is that case's error; the run goes on.
    let exchange: Exchange;
    try {
      exchange = await send(spec);
    } catch (error) {
      if (!(error instanceof CheckError)) throw error;
      report.results.push({ ...meta, verdict: 'error', detail: error.message, sent: describeSent(spec) });
      continue;
    }
    record(meta, judge(exchange.response, probe), exchange);
  }

  for (const { skip, run, ...meta } of FILE_CASES) {
    if (!options.file) {
      record(meta, { notApplicable: 'changes the file: give its path on disk with --file <path>' });
      continue;
    }
    const reason = skip(probe);
    if (reason) {
      record(meta, { notApplicable: reason });
      continue;
    }
    const guard = openGuard(options.file, probe.ok.body, options.handleSignals ?? false);
    try {
      const { exchange, judgement } = await run(send, guard);
      record(meta, judgement, exchange);
    } catch (error) {
      report.results.push({ ...meta, verdict: 'error', detail: (error as Error).message });
    } finally {
      guard.close();
    }
  }
  return report;
}

function openGuard(file: string, served: Buffer, handleSignals: boolean): FileGuard {
  let guard: FileGuard;
  try {
    guard = new FileGuard(file, { handleSignals });
  } catch (error) {
    throw new CheckError(`--file ${file}: ${(error as Error).message}`);
  }
  if (!guard.original.equals(served)) {
    guard.close();
    throw new CheckError(`--file ${file} is not the file the URL serves (${guard.original.length} bytes on disk, ${served.length} served, or other bytes)`);
  }
  return guard;
}

function verdictOf(judgement: Judgement): { verdict: Verdict; detail: string } {
  if ('notApplicable' in judgement) return { verdict: 'n/a', detail: judgement.notApplicable };
  return { verdict: judgement.pass ? 'pass' : 'fail', detail: judgement.detail };
}

function seen(exchange: Exchange): Pick<CaseResult, 'sent' | 'request' | 'got' | 'fields'> {
  return { sent: describeSent(exchange.spec), request: exchange.request, got: exchange.response.statusLine, fields: exchange.response.fields };
}
