// "What the server received": the request line and headers as the server logged them
// (GET /api/log/<id>, loaded by ResponseView). The browser adds headers of its own; this is where they show up.
import type { LoggedExchange } from './use-logged-exchange';
import { HeaderList } from './HeaderList';
import { addedByNoStore, markReceived } from './browser-added';
import { isCacheRequestHeader } from '../common/headers';

/**
 * `written`: the headers the learner wrote, when the request was sent from this page; the fields
 * the browser added are then marked, with why.
 */
export function ServerReceived({
  exchangeId,
  logged: { exchange, error },
  written,
  scope = '',
}: {
  exchangeId: string | undefined;
  logged: LoggedExchange;
  written?: readonly [string, string][];
  /** Added to the region's name (compare mode shows two). */
  scope?: string;
}) {
  return (
    <section className="server-received" aria-label={`What the server received${scope}`}>
      <h3>What the server received</h3>
      {exchangeId === undefined ? (
        <p className="muted">
          The answer had no <code>X-Cachecraft-Exchange</code> header, so it did not come from the course server.
        </p>
      ) : error ? (
        <p className="muted">Could not load exchange {exchangeId}: {error}</p>
      ) : !exchange ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <pre className="request-line">
            {exchange.method} {exchange.target} HTTP/{exchange.httpVersion}
          </pre>
          {written ? <MarkedHeaders received={exchange.requestHeaders} written={written} /> : <HeaderList headers={exchange.requestHeaders} highlight />}
          {exchange.learner ? (
            <p className="muted small" data-testid="tags-note">
              This page also tagged the request as yours (<code>X-Cachecraft-Learner</code>
              {exchange.chapter ? <>, <code>X-Cachecraft-Chapter</code></> : null}, for the “Try this” list); the server took the
              tags off before the stage saw it, so they are not listed.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function MarkedHeaders({ received, written }: { received: readonly [string, string][]; written: readonly [string, string][] }) {
  const fields = markReceived(received, written);
  return (
    <>
      <dl className="header-list" data-testid="received-headers">
        {fields.map((f, i) => (
          <div key={i} className={isCacheRequestHeader(f.name) ? 'cache-header' : undefined} data-added={f.added}>
            <dt>{f.name}:</dt>{' '}
            <dd>
              {f.value}
              {f.added ? (
                <>
                  {' '}
                  <span className="added-mark" title={f.why ?? 'added by the browser: you did not write it'}>
                    <span className="visually-hidden">(added by the </span>
                    {f.why ? 'browser, see below' : 'browser'}
                    <span className="visually-hidden">)</span>
                  </span>
                </>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted small" data-testid="added-note">
        Marked <span className="added-mark">browser</span>: fields you did not write; the browser added them.
        {addedByNoStore(fields) ? (
          <>
            {' '}
            <code>Pragma: no-cache</code> and <code>Cache-Control: no-cache</code> are there because the playground sends with{' '}
            <code>cache: 'no-store'</code>: the browser then asks every cache on the way for a fresh answer. So in the playground
            the “Cache-Control: no-cache” preset changes nothing the server sees. Your request without them is what “Copy as
            curl” gives: only your headers (curl adds its own <code>Host</code>, <code>User-Agent</code> and{' '}
            <code>Accept</code>).
          </>
        ) : null}
      </p>
    </>
  );
}
