// Compare mode: the same request's answers from two stages, side by side (stacked on a phone),
// with what differs listed first, in words, and marked beside each header.
import type { Exchange } from '../common/exchange';
import { diffResponses, diffSummary, type DiffedResponse, type Difference } from './response-diff';
import { ResponseView, type ResponseShown } from './ResponseView';
import { useLoggedExchange } from './use-logged-exchange';

export interface ComparedSide {
  stage: string;
  response: ResponseShown;
}

export function CompareView({
  left,
  right,
  history,
  onUseHeaders,
  stale = false,
}: {
  left: ComparedSide;
  right: ComparedSide;
  history: readonly Exchange[];
  onUseHeaders?: (headers: [string, string][]) => void;
  /** The last send got no answer: these are the previous answers (each side says so). */
  stale?: boolean;
}) {
  const leftLogged = useLoggedExchange(left.response.exchangeId);
  const rightLogged = useLoggedExchange(right.response.exchangeId);
  const a = leftLogged.exchange;
  const b = rightLogged.exchange;
  const failed = leftLogged.error ?? rightLogged.error;
  const differences = a && b ? diffResponses(side(a, left.response), side(b, right.response)) : undefined;

  return (
    <section className="compare" aria-label={`Compare ${left.stage} and ${right.stage}`}>
      <h3>Differences</h3>
      <p role="status" className="diff-summary" data-testid="diff-summary">
        {differences ? diffSummary(differences) : failed ? `Could not load the logged exchanges: ${failed}` : 'Loading the logged exchanges…'}
      </p>
      {differences && differences.length > 0 ? (
        <ul className="differences" data-testid="differences">
          {differences.map((d) => (
            <DifferenceItem key={d.kind === 'header' ? d.name : d.kind} difference={d} left={left.stage} right={right.stage} />
          ))}
        </ul>
      ) : null}
      <p className="muted small">
        Compared: the status, the response headers as the server logged them (what went over the wire; names in any case, a
        field on several lines as one), and the body’s size and text. <code>Date</code> and <code>X-Cachecraft-Exchange</code>{' '}
        differ on every response (when it was sent, and its number in the log): they are listed as expected and not counted.
      </p>
      <div className="compare-columns">
        <ResponseView
          response={left.response}
          label={`Response from ${left.stage}`}
          stage={left.stage}
          history={history}
          onUseHeaders={onUseHeaders}
          stale={stale}
          headerMarks={differences && marks(differences, 'left')}
        />
        <ResponseView
          response={right.response}
          label={`Response from ${right.stage}`}
          stage={right.stage}
          history={history}
          onUseHeaders={onUseHeaders}
          stale={stale}
          headerMarks={differences && marks(differences, 'right')}
        />
      </div>
    </section>
  );
}

function side(exchange: Exchange, shown: ResponseShown): DiffedResponse {
  return { status: exchange.status, headers: exchange.responseHeaders, bodyBytes: exchange.bodyBytes, bodyText: shown.text };
}

function DifferenceItem({ difference: d, left, right }: { difference: Difference; left: string; right: string }) {
  const none = <span className="muted">(none)</span>;
  switch (d.kind) {
    case 'status':
      return (
        <li data-difference="status">
          <strong>Status</strong>: {left} {d.left}, {right} {d.right}.
        </li>
      );
    case 'body':
      return (
        <li data-difference="body">
          <strong>Body</strong>:{' '}
          {d.sameSize ? `both ${d.left} bytes, but not the same text.` : `${left} ${d.left} bytes, ${right} ${d.right} bytes.`}
        </li>
      );
    case 'header':
      return (
        <li data-difference={d.name} className={d.expected ? 'expected' : undefined}>
          <strong>{d.name}</strong>{' '}
          {d.expected ? <span className="diff-mark">expected</span> : d.left === undefined ? <span className="diff-mark">only {right}</span> : d.right === undefined ? <span className="diff-mark">only {left}</span> : null}
          : {left} <code>{d.left ?? none}</code>, {right} <code>{d.right ?? none}</code>.
        </li>
      );
  }
}

/** The word beside each header of one side that differs from the other. */
function marks(differences: readonly Difference[], which: 'left' | 'right'): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of differences) {
    if (d.kind !== 'header' || d[which] === undefined) continue;
    const other = which === 'left' ? d.right : d.left;
    map.set(d.name.toLowerCase(), d.expected ? 'differs (expected)' : other === undefined ? 'only here' : 'differs');
  }
  return map;
}
