// <DemoFrame />: the chapter's stage's (or `stage="…"`'s) monitoring page in an iframe, loaded with the
// browser's NORMAL cache (unlike the playground), its live request log beside it, and the file
// experiments. "Reload frame" is a real browser reload, so the browser revalidates by itself
// (not in the static build, where a service worker answers: the page says so beside the frame).
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { atBase } from '../client/api';
import { useStage } from '../client/chapter-context';
import { useLearnerId } from '../client/use-learner';
import { staticMode } from '../client/static-mode';
import { LazyRequestLog } from './LazyRequestLog';
import './playground.css';

// The file experiments sit below the frame: loaded when shown, not with every chapter page.
const Experiments = lazy(() => import('./Experiments').then((m) => ({ default: m.Experiments })));

export function DemoFrame(props: { stage?: string; page?: string }) {
  const { page = 'index.html' } = props;
  const stage = useStage(props.stage, 'DemoFrame');
  const frame = useRef<HTMLIFrameElement>(null);
  useLearnerId(); // sets the learner cookie before the frame loads: its requests are this browser's
  // Static build: the page is fetched and written in with srcdoc (static/static-frame.ts), again on "Reload frame".
  const inBrowser = staticMode();
  const [srcDoc, setSrcDoc] = useState('');
  const loadStatic = useCallback(() => void inBrowser?.frameDocument(stage, page).then(setSrcDoc), [inBrowser, stage, page]);
  useEffect(loadStatic, [loadStatic]);

  return (
    <section className="demo" aria-label={`Demo page of the ${stage} stage`}>
      <div className="demo-columns">
        <div className="demo-page">
          <iframe
            ref={frame}
            data-testid="demo-frame"
            title={`The ${stage} stage's monitoring page`}
            {...(inBrowser ? { srcDoc } : { src: atBase(`/ch/${encodeURIComponent(stage)}/${page}`) })}
          />
          <button
            type="button"
            data-testid="reload-frame"
            onClick={() => (inBrowser ? loadStatic() : frame.current?.contentWindow?.location.reload())}
          >
            Reload frame
          </button>
          {inBrowser && (
            <p className="demo-note" data-testid="static-note">
              {inBrowser.frameNote}
            </p>
          )}
        </div>
        <LazyRequestLog stage={stage} />
      </div>
      <Suspense fallback={<p className="muted">Loading the file experiments…</p>}>
        <Experiments stage={stage} />
      </Suspense>
    </section>
  );
}
