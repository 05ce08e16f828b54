// <Playground />: build a request, send it to the chapter's stage (or to `stage="…"`), see the
// answer, what the server received and the response check; or, in compare mode, send it to the
// compared stage too and see both answers side by side. Logic lives in the small modules beside this file.
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Exchange } from '../common/exchange';
import { useChapter, useStage } from '../client/chapter-context';
import { useExchanges } from '../client/use-exchanges';
import { learnerHeaders } from '../client/learner';
import { useLearnerId } from '../client/use-learner';
import { sentUrl, toCurl } from './curl';
import { HeaderEditor } from './HeaderEditor';
import { invalidHeaderNames, invalidHeaderValues, requestHeaders, setHeader, type HeaderRow } from './header-rows';
import { History } from './History';
import type { ResponseShown } from './ResponseView';
import { SendAborted, sendRequest, stageUrl, StagePathRefused, type SendResult } from './send';
import { ServerError } from './ServerError';
import { reasonPhrase } from './status';
import { formatBytes } from './preview';
import { atBase, unreachableMessage } from '../client/api';
import { stagePathProblem } from './stage-path';
import { StageFilesStatus } from './StageFilesStatus';
import { useStageFiles } from '../client/use-stage-files';
import { applyValidators, hasValidators, validatorsFrom, type Validators } from './validators';
import './playground.css';
import { useYourStage } from '../client/use-your-stage';

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'];

// Loaded when compare mode is first used, not with the page (the chapter page's weight budget).
const CompareView = lazy(() => import('./CompareView').then((m) => ({ default: m.CompareView })));
// The answer's view is needed from the first Send on: loaded then, not with every chapter page.
const ResponseView = lazy(() => import('./ResponseView').then((m) => ({ default: m.ResponseView })));

/** `stage` defaults to the chapter's stage, `compare` to the chapter's compared stage. */
export function Playground(props: { stage?: string; compare?: string; path?: string }) {
  const { compare, path: initialPath = '/index.html' } = props;
  const chapter = useChapter();
  const stage = useStage(props.stage, 'Playground');
  const compared = [compare ?? chapter?.compare].find((s): s is string => !!s && s !== stage);
  /** The workshop's "your server" for this stage, when the server has one (npm run dev). */
  const yours = useYourStage(stage);
  const stages = [stage, compared, yours].filter((s): s is string => !!s);
  const [current, setCurrent] = useState(stage);
  /** Compare mode: each send goes to `stage` and to `compared`, the answers side by side. */
  const [comparing, setComparing] = useState(false);
  const [pair, setPair] = useState<{ left: SendResult; right: SendResult }>();
  const [method, setMethod] = useState('GET');
  const [path, setPath] = useState(initialPath);
  const [rows, setRows] = useState<HeaderRow[]>([]);
  const [sending, setSending] = useState(false);
  /** A problem with the request itself, or a timeout (shown as is); `unreachable` is the "no server" case. */
  const [error, setError] = useState<string>();
  /** What became of a send that the learner cancelled. */
  const [notice, setNotice] = useState<string>();
  const [unreachable, setUnreachable] = useState(false);
  const [results, setResults] = useState<SendResult[]>([]);
  const [shown, setShown] = useState<ResponseShown>();
  /** The response shown is from an earlier send: the last one got no answer. */
  const [stale, setStale] = useState(false);
  const [curlText, setCurlText] = useState<string>();
  /** What the polite live region says: the status of the last answer (emptied at each send, so a repeat is read again). */
  const [announcement, setAnnouncement] = useState('');
  const stageFiles = useStageFiles(current);
  const { files, error: filesError, reload: reloadFiles } = stageFiles;
  const { exchanges: bothStages } = useExchanges(stages);
  const exchanges = useMemo(() => bothStages.filter((ex) => ex.stage === current), [bothStages, current]);
  const learner = useLearnerId();
  /** This browser's sends from this playground's chapter (not the demo frame's loads), to either stage: the response check looks there. */
  const ownSends = useMemo(
    () => bothStages.filter((ex) => ex.learner === learner && ex.chapter === chapter?.slug),
    [bothStages, learner, chapter?.slug],
  );
  /** The history: the same, to the stage in the Stage field. */
  const ownExchanges = useMemo(() => ownSends.filter((ex) => ex.stage === current), [ownSends, current]);
  const ids = { method: useId(), path: useId(), pathProblem: useId(), files: useId(), stage: useId(), compare: useId() };
  /** The send under way, if any: aborting it cancels the send. */
  const inFlight = useRef<AbortController>(undefined);
  const pathInput = useRef<HTMLInputElement>(null);
  const sendButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => () => inFlight.current?.abort(), []); // leaving the page ends the send too

  const normalisedPath = '/' + path.trim().replace(/^\/+/, '');
  /** A path that would leave the stage, or that the browser would send otherwise: never sent. */
  const pathProblem = useMemo(() => stagePathProblem(current, path), [current, path]);
  const { validators, got200 } = useMemo(
    () => lastValidators(results, exchanges, current, normalisedPath),
    [results, exchanges, current, normalisedPath],
  );

  async function send() {
    if (inFlight.current) return; // Send is only aria-disabled while sending, so it can keep the focus
    if (pathProblem) {
      // The reason is already shown under the field, which describes it: take the learner there.
      pathInput.current?.focus();
      return;
    }
    // fetch would throw on these; say what is wrong instead of blaming the server.
    const badNames = invalidHeaderNames(rows);
    const badValues = invalidHeaderValues(rows);
    if (badNames.length > 0 || badValues.length > 0) {
      setError(
        badNames.length > 0
          ? `Not a valid header name: ${badNames.join(', ')} (letters, digits and - only, no spaces or colons).`
          : `The value of ${badValues.join(', ')} has characters a header cannot carry (plain ASCII is safe).`,
      );
      return;
    }
    const controller = new AbortController();
    inFlight.current = controller;
    setSending(true);
    setAnnouncement('');
    setError(undefined);
    setNotice(undefined);
    setUnreachable(false);
    const sendTo = (to: string) =>
      sendRequest(
        { stage: to, method, path: normalisedPath, headers: requestHeaders(rows) },
        { signal: controller.signal, tags: learnerHeaders(chapter?.slug) },
      );
    const said = (r: SendResult) => `${r.status} ${reasonPhrase(r.status, r.statusText)}, ${formatBytes(r.bodyBytes)} of body`;
    try {
      if (comparing && compared) {
        // Two real requests, at the same time, both tagged: the tasks see each stage's exchange.
        const [left, right] = await Promise.all([sendTo(stage), sendTo(compared)]);
        setResults((list) => [...list.slice(-48), left, right]);
        setPair({ left, right });
        setShown(fromResult(left));
        setAnnouncement(`Responses: ${stage} ${said(left)}; ${compared} ${said(right)}.`);
      } else {
        const result = await sendTo(current);
        setResults((list) => [...list.slice(-49), result]);
        setShown(fromResult(result));
        setPair(undefined);
        setAnnouncement(`Response: ${said(result)}.`);
      }
      setStale(false);
      if (filesError) void reloadFiles(); // the server is back: fetch the file list again
    } catch (e) {
      setStale(true);
      if (e instanceof SendAborted) {
        if (e.reason === 'timeout') setError(e.message);
        else setNotice(e.message);
      } else if (e instanceof StagePathRefused) {
        setError(e.message);
      } else {
        // fetch rejects only when no HTTP answer came back at all.
        setUnreachable(true);
      }
    } finally {
      inFlight.current = undefined;
      setSending(false);
      // The Cancel button goes away with the send: do not leave the focus on nothing.
      if (cancelButton.current && document.activeElement === cancelButton.current) sendButton.current?.focus();
    }
  }

  function cancel() {
    inFlight.current?.abort();
    sendButton.current?.focus();
  }

  function reopen(exchange: Exchange) {
    const own = results.find((r) => r.exchangeId === String(exchange.id));
    setShown(own ? fromResult(own) : fromExchange(exchange));
    setPair(undefined);
    setStale(false);
  }

  /** Compare mode sends from the chapter's stage: the Stage field goes back to it, and hides. */
  function toggleCompare(on: boolean) {
    setComparing(on);
    if (on) setCurrent(stage);
  }

  /** The response check's "Put … in the request": its headers into the editor, replacing the same names. */
  function fillHeaders(headers: [string, string][]) {
    setRows((list) => headers.reduce((next, [name, value]) => setHeader(next, name, value), list));
  }

  async function copyCurl() {
    if (pathProblem) {
      pathInput.current?.focus();
      return;
    }
    // What the browser sends: the path percent-encoded as it encodes it (sendable headers only).
    const url = sentUrl(location.origin, atBase(stageUrl(current, normalisedPath)));
    const text = toCurl({ method, url, headers: requestHeaders(rows) });
    setCurlText(text);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission: the command is shown below to copy by hand.
    }
  }

  return (
    <section className="playground" aria-label={`Playground for the ${current} stage`}>
      <form
        className="request-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <div className="request-line-editor">
          {stages.length > 1 && !comparing ? (
            <div className="field">
              <label htmlFor={ids.stage}>Stage</label>
              <select id={ids.stage} value={current} onChange={(e) => setCurrent(e.target.value)}>
                {stages.map((s) => (
                  <option key={s} value={s}>
                    {s === yours ? `${s} (your server: workshop/${stage}.ts)` : s}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={ids.method}>Method</label>
            <select id={ids.method} value={method} onChange={(e) => setMethod(e.target.value)}>
              {METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </div>
          <div className="field path-field">
            <label htmlFor={ids.path}>
              Path <span className="muted">(after /ch/{comparing && compared ? `${stage} and /ch/${compared}` : current})</span>
            </label>
            <input
              id={ids.path}
              ref={pathInput}
              list={ids.files}
              value={path}
              spellCheck={false}
              aria-invalid={pathProblem ? true : undefined}
              aria-describedby={pathProblem ? ids.pathProblem : undefined}
              onChange={(e) => setPath(e.target.value)}
            />
            <datalist id={ids.files}>
              {files.map((f) => (
                <option key={f.name} value={`/${f.name}`} />
              ))}
            </datalist>
          </div>
          <button type="submit" className="primary" data-testid="send" ref={sendButton} aria-disabled={sending || undefined}>
            {sending ? 'Sending…' : 'Send'}
          </button>
          {sending ? (
            <button type="button" data-testid="cancel" ref={cancelButton} onClick={cancel}>
              Cancel
            </button>
          ) : null}
        </div>
        {compared ? (
          <p className="compare-toggle">
            <input id={ids.compare} type="checkbox" checked={comparing} onChange={(e) => toggleCompare(e.target.checked)} data-testid="compare-mode" />{' '}
            <label htmlFor={ids.compare}>
              Compare: send each request to <code>{stage}</code> and to <code>{compared}</code>, and show both answers side by side
            </label>
          </p>
        ) : null}
        {pathProblem ? (
          <p id={ids.pathProblem} className="form-error field-problem" data-testid="path-problem">
            {pathProblem.message}
          </p>
        ) : null}
        <StageFilesStatus
          stage={current}
          state={stageFiles}
          consequence="so the path field has no suggestions"
          onRecovered={() => pathInput.current?.focus()}
        />
        <p className="muted small">
          Sent with <code>cache: 'no-store'</code>, so the browser’s own cache can neither answer for the server nor
          rewrite your conditional headers: what you see is what the server said. The browser adds fields of its own
          (among them <code>Pragma</code> and <code>Cache-Control: no-cache</code>, because of that setting); they are marked
          under “What the server received”.
        </p>
        <HeaderEditor rows={rows} onChange={setRows} />
        <div className="button-row">
          <button
            type="button"
            data-testid="use-validators"
            disabled={!hasValidators(validators)}
            onClick={() => setRows(applyValidators(rows, validators))}
          >
            Use validators from the last response
          </button>
          <button type="button" onClick={() => void copyCurl()}>
            Copy as curl
          </button>
        </div>
        {!hasValidators(validators) && !pathProblem ? (
          <p className="muted small" data-testid="validators-note">
            {got200
              ? `(The ${current} stage sent no validators for ${normalisedPath}: its 200 had no Last-Modified and no ETag, so there is nothing to send back.)`
              : `(No 200 for ${normalisedPath} yet: send a GET first.)`}
          </p>
        ) : null}
        {curlText ? (
          <p className="curl">
            <label>
              curl command (copied to the clipboard when allowed)
              <textarea readOnly value={curlText} rows={2} onFocus={(e) => e.target.select()} />
            </label>
          </p>
        ) : null}
      </form>

      {/* Always in the page, so a screen reader is listening when the status arrives. */}
      <p className="visually-hidden" aria-live="polite" data-testid="status-announcement">
        {announcement}
      </p>
      {error ? <p role="alert" className="form-error" data-testid="send-error">{error}</p> : null}
      {notice ? <p className="muted" data-testid="send-notice">{notice}</p> : null}
      {unreachable ? <ServerError message={unreachableMessage(location.origin)} /> : null}
      {comparing && pair && compared ? (
        <Suspense fallback={<p className="muted">Loading compare mode…</p>}>
          <CompareView
            left={{ stage, response: fromResult(pair.left) }}
            right={{ stage: compared, response: fromResult(pair.right) }}
            history={ownSends}
            onUseHeaders={fillHeaders}
            stale={stale}
          />
        </Suspense>
      ) : shown ? (
        <Suspense fallback={<p className="muted">Loading the response view…</p>}>
          <ResponseView response={shown} stale={stale} history={ownSends} onUseHeaders={fillHeaders} />
        </Suspense>
      ) : null}
      <History exchanges={ownExchanges} onOpen={reopen} stage={current} />
    </section>
  );
}

function fromResult(result: SendResult): ResponseShown {
  return {
    status: result.status,
    statusText: result.statusText,
    headers: result.headers,
    bodyBytes: result.bodyBytes,
    timeMs: result.timeMs,
    timeLabel: 'round trip',
    preview: result.preview,
    text: result.text,
    blob: result.blob,
    exchangeId: result.exchangeId,
    written: result.request.headers,
  };
}

function fromExchange(exchange: Exchange): ResponseShown {
  return {
    status: exchange.status,
    headers: exchange.responseHeaders,
    bodyBytes: exchange.bodyBytes,
    timeMs: exchange.durationMs,
    timeLabel: 'server time',
    preview: exchange.bodyBytes === 0 ? 'none' : 'not-kept',
    exchangeId: String(exchange.id),
  };
}

/**
 * Validators of the newest 200 for this stage and path: our own sends first, then the log;
 * `got200` says whether there was such a 200 at all (a stage may send none).
 */
function lastValidators(
  results: SendResult[],
  exchanges: Exchange[],
  stage: string,
  path: string,
): { validators: Validators; got200: boolean } {
  const own = results.findLast((r) => r.request.stage === stage && r.request.path === path && r.status === 200);
  if (own) return { validators: validatorsFrom(own.headers), got200: true };
  const logged = exchanges.findLast((ex) => ex.stage === stage && ex.path === path && ex.status === 200);
  return logged ? { validators: validatorsFrom(logged.responseHeaders), got200: true } : { validators: {}, got200: false };
}
