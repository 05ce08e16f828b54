// <RawRequest />: the exact bytes of a request, typed by the learner, sent by the course server
// to the stage over TCP (docs/api.md, "Raw requests"), and the raw bytes that came back. fetch
// cannot send "/../x" or a backslash as written; this can. The rules for turning the text into
// bytes are in raw-text.ts, the display of the answer in raw-response.ts.
//
// It imports none of the playground's modules that its other lazy parts share (status.ts,
// HeaderList.tsx, send.ts, preview.ts): the bundler then splits those off the chapter page into a
// chunk of their own, which cost every chapter page about 0.5 kB gzipped (measured with
// `npm run build`), against a budget with little room left.
import { useEffect, useId, useRef, useState } from 'react';
import { useChapter, useStage } from '../client/chapter-context';
import { ApiError, unreachableMessage } from '../client/api';
import { learnerHeaders } from '../client/learner';
import { MAX_RAW_REQUEST_BYTES, MAX_RAW_RESPONSE_BYTES, RAW_TIMEOUT_MS } from '../common/raw-request';
import { defaultRequest, editorText, requestBytes } from './raw-text';
import { rawResponseParts, statusClass, visibleBytes } from './raw-response';
import { RawSendAborted, sendRaw, type RawResult } from './raw-send';
import { ServerError } from './ServerError';
import './playground.css';

export interface RawRequestProps {
  /**
   * The target of the request the editor starts with (`GET <target> HTTP/1.1`, a Host line). In
   * MDX a quoted attribute keeps a backslash as it is: target="/..\..\secret.txt".
   */
  target?: string;
  /**
   * The whole request instead, lines separated by "\n" (or "\r\n"). In MDX, as a JavaScript
   * string so that "\n" is a line break: request={"GET / HTTP/1.1\nHost: localhost\n\n"}.
   */
  request?: string;
  /** Defaults to the chapter's stage; the picker offers it and the compared stage. */
  stage?: string;
  compare?: string;
}

/** How much of what follows the head is shown (the byte count is always the whole). */
const SHOWN_BYTES = 64 * 1024;

interface Shown {
  result: RawResult;
  stage: string;
  addedBlankLine: boolean;
}

export function RawRequest(props: RawRequestProps) {
  const chapter = useChapter();
  const stage = useStage(props.stage, 'RawRequest');
  const compared = [props.compare ?? chapter?.compare].find((s): s is string => !!s && s !== stage);
  const stages = compared ? [stage, compared] : [stage];
  const [current, setCurrent] = useState(stage);
  const [text, setText] = useState(() => editorText(props.request ?? defaultRequest(props.target ?? '/index.html')));
  const [addBlankLine, setAddBlankLine] = useState(true);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [unreachable, setUnreachable] = useState(false);
  const [shown, setShown] = useState<Shown>();
  const [announcement, setAnnouncement] = useState('');
  const ids = { stage: useId(), text: useId(), rules: useId(), blank: useId() };
  const inFlight = useRef<AbortController>(undefined);
  const sendButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => () => inFlight.current?.abort(), []);

  async function send() {
    if (inFlight.current) return; // Send is only aria-disabled while sending, so it keeps the focus
    const { bytes, addedBlankLine: added } = requestBytes(text, addBlankLine);
    setError(undefined);
    setNotice(undefined);
    setUnreachable(false);
    if (text.trim() === '') return setError('The request is empty: write at least a request line.');
    if (bytes.length > MAX_RAW_REQUEST_BYTES) return setError(`The request is ${bytes.length} bytes: at most ${MAX_RAW_REQUEST_BYTES} are sent.`);
    const controller = new AbortController();
    inFlight.current = controller;
    setSending(true);
    setAnnouncement('');
    try {
      const result = await sendRaw(current, bytes, { signal: controller.signal, tags: learnerHeaders(chapter?.slug) });
      setShown({ result, stage: current, addedBlankLine: added });
      const parts = rawResponseParts(result.responseBytes);
      setAnnouncement(
        `Raw response from ${current}: ${parts.statusLine || 'no status line'}, ${result.bytes} bytes${result.timedOut ? ', timed out' : ''}${result.cut ? ', cut' : ''}.`,
      );
    } catch (e) {
      if (e instanceof RawSendAborted) {
        if (e.reason === 'timeout') setError(e.message);
        else setNotice('Cancelled. The server may still have sent the bytes to the stage: see the request log.');
      } else if (e instanceof ApiError && !e.unreachable) {
        setError(e.message);
      } else {
        setUnreachable(true);
      }
    } finally {
      inFlight.current = undefined;
      setSending(false);
      if (cancelButton.current && document.activeElement === cancelButton.current) sendButton.current?.focus();
    }
  }

  function cancel() {
    inFlight.current?.abort();
    sendButton.current?.focus();
  }

  return (
    <section className="raw-request" aria-label={`Raw request to the ${current} stage`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        {stages.length > 1 ? (
          <div className="field">
            <label htmlFor={ids.stage}>Stage</label>{' '}
            <select id={ids.stage} value={current} onChange={(e) => setCurrent(e.target.value)} data-testid="raw-stage">
              {stages.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </div>
        ) : null}
        <label htmlFor={ids.text} className="raw-label">
          The request, exactly as sent: request line, header lines, a blank line, then any body
        </label>
        <textarea
          id={ids.text}
          className="raw-text"
          data-testid="raw-text"
          value={text}
          rows={Math.min(14, Math.max(5, text.split('\n').length + 1))}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-describedby={ids.rules}
          onChange={(e) => setText(e.target.value)}
        />
        <p id={ids.rules} className="muted small">
          Each line break is sent as CRLF (<code>\r\n</code>), the body’s too. The text goes as UTF-8, with no escapes: a
          backslash is sent as a backslash (write a NUL in a path as <code>%00</code>). The course server sends these bytes to
          the <code>{current}</code> stage alone, at <code>/</code> (no <code>/ch/{current}</code> in front), on its own port,
          and waits up to {RAW_TIMEOUT_MS / 1000} s for the answer; at most {MAX_RAW_REQUEST_BYTES / 1024} KiB are sent, and
          the first {MAX_RAW_RESPONSE_BYTES / (1024 * 1024)} MiB of the answer kept.
        </p>
        <p className="compare-toggle">
          <input id={ids.blank} type="checkbox" checked={addBlankLine} onChange={(e) => setAddBlankLine(e.target.checked)} data-testid="raw-add-blank" />{' '}
          <label htmlFor={ids.blank}>
            Add the blank line that ends the head when it is missing (without it, the server waits for the rest of the request)
          </label>
        </p>
        <div className="button-row">
          <button type="submit" className="primary" data-testid="raw-send" ref={sendButton} aria-disabled={sending || undefined}>
            {sending ? 'Sending…' : 'Send raw request'}
          </button>
          {sending ? (
            <button type="button" data-testid="raw-cancel" ref={cancelButton} onClick={cancel}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>

      <p className="visually-hidden" aria-live="polite" data-testid="raw-announcement">
        {announcement}
      </p>
      {error ? (
        <p role="alert" className="form-error" data-testid="raw-error">
          {error}
        </p>
      ) : null}
      {notice ? <p className="muted">{notice}</p> : null}
      {unreachable ? <ServerError message={unreachableMessage(location.origin)} /> : null}
      {shown ? <RawResponseView {...shown} /> : null}
    </section>
  );
}

const ENDED: Record<RawResult['ended'], string> = {
  complete: 'complete',
  closed: 'the stage closed the connection',
  'timed-out': `timed out after ${RAW_TIMEOUT_MS / 1000} s: this is what arrived`,
  cut: `cut at ${MAX_RAW_RESPONSE_BYTES / (1024 * 1024)} MiB`,
};

function RawResponseView({ result, stage, addedBlankLine }: Shown) {
  const parts = rawResponseParts(result.responseBytes);
  const rest = parts.rest.subarray(0, SHOWN_BYTES);
  return (
    <section className="response raw-response" aria-label="Raw response" data-testid="raw-response">
      <p className="response-summary">
        {parts.status !== undefined ? <span className={`status status-${statusClass(parts.status)}`}>{parts.status}</span> : null}
        <span data-testid="raw-bytes">{result.bytes} bytes received</span>
        <span>{result.sent} bytes sent</span>
        <span>{Math.round(result.timeMs)} ms</span>
        <span data-testid="raw-ended">{ENDED[result.ended]}</span>
      </p>
      {addedBlankLine ? <p className="muted small">A blank line was added at the end of what you typed, to end the head.</p> : null}
      <p className="small" data-testid="raw-exchanges">
        {result.exchangeIds.length > 0 ? (
          <>
            In the request log of <code>{stage}</code>:{' '}
            {result.exchangeIds.map((id, i) => (
              <span key={id}>
                {i > 0 ? ', ' : ''}
                <a href={`/api/log/${id}`}>exchange {id}</a>
              </span>
            ))}
          </>
        ) : (
          'Not in the request log: no stage answered (node itself did, or nothing did).'
        )}
      </p>
      {result.bytes === 0 ? (
        <p className="muted">Nothing came back.</p>
      ) : parts.statusLine ? (
        <>
          <p className="request-line" data-testid="raw-status-line">
            <code>{parts.statusLine}</code>
          </p>
          <dl className="header-list">
            {parts.headers.map(([name, value], i) => (
              <div key={i}>
                <dt>{name}:</dt> <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {!parts.headComplete ? <p className="muted small">The head never ended (no blank line came).</p> : null}
        </>
      ) : (
        <p className="muted small">Not an HTTP response: every byte is shown below.</p>
      )}
      {parts.rest.length > 0 ? (
        <>
          <p className="small">
            After the head: {parts.rest.length} bytes
            {parts.rest.length > SHOWN_BYTES ? `, the first ${SHOWN_BYTES / 1024} KiB shown` : ''}. Bytes that would not show
            are shown boxed: <span className="raw-byte">CR</span> for a carriage return, <span className="raw-byte">NUL</span> and the other
            ASCII names for control bytes, the hex value (<span className="raw-byte">FF</span>) of a byte that is not UTF-8.
          </p>
          <pre className="body-preview raw-body" tabIndex={0} aria-label="After the head (scrolls)" data-testid="raw-body">
            {visibleBytes(rest).map((piece, i) =>
              piece.byte ? (
                <span key={i} className="raw-byte" title={`byte 0x${piece.byte}`}>
                  {piece.text}
                </span>
              ) : (
                piece.text
              ),
            )}
          </pre>
        </>
      ) : null}
    </section>
  );
}
