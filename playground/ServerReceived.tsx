// "What the server received": the request line and headers as the server logged them
// (GET /api/log/<id>). The browser adds headers of its own; this is where they show up.
import { useEffect, useState } from 'react';
import type { Exchange } from '../common/exchange';
import { api } from '../client/api';
import { HeaderList } from './HeaderList';

export function ServerReceived({ exchangeId }: { exchangeId: string | undefined }) {
  const [exchange, setExchange] = useState<Exchange | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    setExchange(undefined);
    setError(undefined);
    if (exchangeId === undefined) return;
    let live = true;
    api
      .exchange(exchangeId)
      .then((ex) => live && setExchange(ex))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [exchangeId]);

  return (
    <section className="server-received" aria-label="What the server received">
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
          <HeaderList headers={exchange.requestHeaders} highlight />
        </>
      )}
    </section>
  );
}
