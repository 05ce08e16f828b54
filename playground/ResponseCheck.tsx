// The response check beside a response, in the spirit of REDbot: the rules of
// client/response-check/ run on the response headers the server logged (what went over the wire).
import { useMemo } from 'react';
import type { Exchange } from '../common/exchange';
import { checkResponse, previous200For, type Finding } from '../client/response-check';
import type { LoggedExchange } from './use-logged-exchange';

const LEVEL_WORD: Record<Finding['level'], string> = { good: 'Good', info: 'Note', warning: 'Warning', error: 'Error' };

/**
 * `history`: the learner's logged exchanges, where the 304 rules find the last 200 for the same
 * stage and path. `onUse`: fills a finding's suggested headers into the request editor.
 */
export function ResponseCheck({
  exchangeId,
  logged: { exchange, error },
  history,
  onUse,
  scope = '',
}: {
  exchangeId: string | undefined;
  logged: LoggedExchange;
  history: readonly Exchange[];
  onUse?: (headers: [string, string][]) => void;
  /** Added to the region's name (compare mode shows two). */
  scope?: string;
}) {
  const findings = useMemo(() => (exchange ? checkResponse(exchange, previous200For(exchange, history)) : []), [exchange, history]);
  return (
    <section className="response-check" aria-label={`Response check${scope}`}>
      <h3>Response check</h3>
      {exchangeId === undefined ? (
        <p className="muted">Not from the course server: there is no logged exchange to check.</p>
      ) : error ? (
        <p className="muted">Could not load exchange {exchangeId}: {error}</p>
      ) : !exchange ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <p className="muted small">
            Run on the response head the server logged for this exchange, exactly as it went over the wire (the
            stage’s fields, then what Node’s HTTP server added, such as <code>Date</code> and <code>Connection</code>),
            not on what <code>fetch</code> lets the page see (the headers panel).
          </p>
          {findings.length === 0 ? (
            <p className="muted">Nothing to say about a {exchange.status}.</p>
          ) : (
            <ul className="findings" data-testid="findings">
              {findings.map((f, i) => (
                <li key={i} className={`finding finding-${f.level}`} data-rule={f.rule} data-level={f.level}>
                  <span className="finding-level">{LEVEL_WORD[f.level]}:</span> {f.message}{' '}
                  <span className="finding-cite">({f.cite})</span>
                  {f.suggest && onUse ? (
                    <>
                      {' '}
                      <button type="button" className="small-button" onClick={() => onUse(f.suggest!)}>
                        Put {f.suggest.map(([n]) => n).join(', ')} in the request
                      </button>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
