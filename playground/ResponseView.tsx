// One response: status, headers, size, time, a preview, what the server received, and the
// response check on what went over the wire.
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Exchange } from '../common/exchange';
import { HeaderList } from './HeaderList';
import { useLoggedExchange } from './use-logged-exchange';
import { formatBytes, type PreviewKind } from './preview';
import { ServerReceived } from './ServerReceived';
import { reasonPhrase, statusKind } from './status';

// Loaded with the first response, not with the page: the chapter page stays within its weight budget.
const ResponseCheck = lazy(() => import('./ResponseCheck').then((m) => ({ default: m.ResponseCheck })));

/** What the view needs; built from a fresh SendResult or from a logged exchange. */
export interface ResponseShown {
  status: number;
  statusText?: string;
  headers: [string, string][];
  bodyBytes: number;
  timeMs: number;
  /** "round trip" when measured by the page, "server" when it is the server's own time. */
  timeLabel: string;
  preview: PreviewKind | 'not-kept';
  text?: string;
  blob?: Blob;
  exchangeId?: string;
  /** The headers the learner wrote, when it was sent from this page (to mark what the browser added). */
  written?: [string, string][];
}

export interface ResponseViewProps {
  response: ResponseShown;
  /** The last send got no answer, so this is an older response, set apart under a note saying so. */
  stale?: boolean;
  /** The region's name (compare mode names the stage). */
  label?: string;
  /** The learner's logged exchanges: the response check finds the last 200 there. */
  history?: readonly Exchange[];
  /** Fills suggested request headers (a conditional request) into the editor. */
  onUseHeaders?: (headers: [string, string][]) => void;
  /** Compare mode: a word beside each response header that differs from the other side (lower-case name → word). */
  headerMarks?: ReadonlyMap<string, string>;
  /** Compare mode: the stage, added to the names of the inner regions so that each name is unique on the page. */
  stage?: string;
}

export function ResponseView({ response, stale = false, label = 'Response', history = [], onUseHeaders, headerMarks, stage }: ResponseViewProps) {
  const scope = stage ? ` from ${stage}` : '';
  const kind = statusKind(response.status);
  const logged = useLoggedExchange(response.exchangeId);
  return (
    <section className={stale ? 'response stale' : 'response'} aria-label={stale ? `Previous ${label.toLowerCase()}` : label} data-stale={stale}>
      {stage ? <h3 className="side-title">From the {stage} stage</h3> : null}
      {stale ? (
        <p className="stale-note" data-testid="stale-note">
          The last send got no answer. Below is the <strong>previous</strong> response, not an answer to it.
        </p>
      ) : null}
      <p className="response-summary">
        <span className={`status status-${kind}`}>
          <span data-testid="status">{response.status}</span> {reasonPhrase(response.status, response.statusText)}
        </span>
        <span>
          body: <strong data-testid="body-size">{formatBytes(response.bodyBytes)}</strong>
        </span>
        <span>
          {response.timeLabel}: {response.timeMs.toFixed(1)} ms
        </span>
      </p>
      <div className="response-columns">
        <section aria-label={`Response headers${scope}`}>
          <h3>Response headers</h3>
          {/* The head as it went over the wire (the server logged it): names in their case and
              order. Until it has loaded, or for an answer the server did not log, what fetch
              shows: lower-cased, sorted, and without the fields it hides. */}
          {logged.exchange ? (
            <HeaderList headers={logged.exchange.responseHeaders} marks={headerMarks} />
          ) : (
            <>
              <p className="muted small" data-testid="headers-from-fetch">
                As <code>fetch</code> shows them (lower-cased and sorted){response.exchangeId ? '; the exact head is loading…' : '.'}
              </p>
              <HeaderList headers={response.headers} marks={headerMarks} />
            </>
          )}
        </section>
        <ServerReceived exchangeId={response.exchangeId} logged={logged} written={response.written} scope={scope} />
      </div>
      <Suspense fallback={<p className="muted">Loading the response check…</p>}>
        <ResponseCheck exchangeId={response.exchangeId} logged={logged} history={history} onUse={onUseHeaders} scope={scope} />
      </Suspense>
      <section aria-label={`Body preview${scope}`}>
        <h3>Body</h3>
        <Preview response={response} />
      </section>
    </section>
  );
}

function Preview({ response }: { response: ResponseShown }) {
  switch (response.preview) {
    case 'none':
      return <p className="muted">No body{response.status === 304 ? ': a 304 never has one; the cache reuses its copy.' : '.'}</p>;
    case 'text':
      // Focusable: it scrolls, so the keyboard must be able to scroll it too.
      return (
        <pre className="body-preview" tabIndex={0} aria-label="Response body (scrolls)">
          {response.text}
        </pre>
      );
    case 'image':
      return response.blob ? <ImagePreview blob={response.blob} /> : null;
    case 'binary':
      return <p className="muted">Binary content, not shown.</p>;
    case 'not-kept':
      return <p className="muted">This exchange came from the log, which keeps no bodies. Send the request again to see it.</p>;
  }
}

function ImagePreview({ blob }: { blob: Blob }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  return url ? <img className="body-image" src={url} alt="The response body, as an image" /> : null;
}
