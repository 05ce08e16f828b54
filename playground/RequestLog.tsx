// <RequestLog />: the live request log of the chapter's stage (or of `stage="…"`), newest first. The
// caching-related request headers are shown in each row; open a row for all the headers.
import { useStage } from '../client/chapter-context';
import { isCacheRequestHeader } from '../common/headers';
import { useExchanges } from '../client/use-exchanges';
import { HeaderList } from './HeaderList';
import { ServerError } from './ServerError';
import { unreachableMessage } from '../client/api';
import { statusKind } from './status';
import './playground.css';

/** Rows kept on screen: enough to see a page load and its revalidation. */
const SHOWN = 50;

export function RequestLog(props: { stage?: string }) {
  const stage = useStage(props.stage, 'RequestLog');
  const { exchanges, status, skipped } = useExchanges([stage]);
  const rows = exchanges.slice(-SHOWN).reverse();
  return (
    <section className="request-log" aria-label={`Live request log of the ${stage} stage`}>
      <h3>
        Request log <span className="muted">({stage}{status === 'live' ? ', live' : ''})</span>
      </h3>
      {status === 'unreachable' ? <ServerError message={unreachableMessage(location.origin)} /> : null}
      {rows.length === 0 && status !== 'unreachable' ? <p className="muted">Waiting for requests…</p> : null}
      {skipped > 0 ? (
        <p className="muted" data-testid="log-skipped">
          {skipped} exchanges (of any stage) not shown: they came faster than the log sends them (under load, the latest 20, four times a second).
        </p>
      ) : null}
      {/* Not aria-live: a page load adds a burst of rows, too much to read aloud. */}
      <ol data-testid="request-log">
        {rows.map((ex) => {
          const conditional = ex.requestHeaders.filter(([name]) => isCacheRequestHeader(name));
          return (
            <li key={ex.id} data-testid="log-row">
              <details>
                <summary>
                  <time dateTime={new Date(ex.time).toISOString()}>{new Date(ex.time).toLocaleTimeString()}</time>{' '}
                  {/* A raw request's target as sent: its path would hide the "..". */}
                  <strong>{ex.method}</strong> <span className="log-path">{ex.raw ? ex.target : ex.path}</span>{' '}
                  {ex.raw ? <span className="muted">(raw)</span> : null}{' '}
                  <span className={`status status-${statusKind(ex.status)}`}>{ex.status}</span>{' '}
                  <span className="muted nowrap">{ex.bodyBytes}&nbsp;B</span>
                  {conditional.map(([name, value], i) => (
                    <span key={i} className="cache-header log-header">
                      {name}: {value}
                    </span>
                  ))}
                </summary>
                <div className="log-details">
                  <p className="request-line">
                    {ex.method} {ex.target} HTTP/{ex.httpVersion}
                  </p>
                  <HeaderList headers={ex.requestHeaders} highlight />
                  <p className="request-line">
                    → {ex.status}, {ex.bodyBytes} bytes, {ex.durationMs.toFixed(1)} ms
                  </p>
                  <HeaderList headers={ex.responseHeaders} />
                </div>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
