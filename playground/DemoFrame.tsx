// <DemoFrame />: the chapter's stage's (or `stage="…"`'s) monitoring page in an iframe, loaded with the
// browser's NORMAL cache (unlike the playground), its live request log beside it, and the file
// experiments. "Reload frame" is a real browser reload, so the browser revalidates by itself.
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiPath } from '../client/api';
import { useStage } from '../client/chapter-context';
import { useLearnerId } from '../client/use-learner';
import { isStaticMode } from '../client/static-mode';
import { Experiments } from './Experiments';
import { RequestLog } from './RequestLog';
import { withBaseHref } from './static-frame';
import './playground.css';

export function DemoFrame(props: { stage?: string; page?: string }) {
  const { page = 'index.html' } = props;
  const stage = useStage(props.stage, 'DemoFrame');
  const frame = useRef<HTMLIFrameElement>(null);
  useLearnerId(); // sets the learner cookie before the frame loads: its requests are this browser's
  const staticMode = isStaticMode();
  const [srcDoc, setSrcDoc] = useState('');

  // Static build: the page is fetched and written in (static-frame.ts); "Reload frame" does it again.
  const stageDir = apiPath(`/ch/${encodeURIComponent(stage)}/`);
  const loadStatic = useCallback(async () => {
    const response = await fetch(stageDir + page, { cache: 'no-store' }).catch(() => null);
    const html = response ? await response.text() : 'The stage did not answer.';
    setSrcDoc(withBaseHref(html, location.origin + stageDir));
  }, [stageDir, page]);
  useEffect(() => {
    if (staticMode) void loadStatic();
  }, [staticMode, loadStatic]);

  return (
    <section className="demo" aria-label={`Demo page of the ${stage} stage`}>
      <div className="demo-columns">
        <div className="demo-page">
          <iframe
            ref={frame}
            data-testid="demo-frame"
            title={`The ${stage} stage's monitoring page`}
            {...(staticMode ? { srcDoc } : { src: `/ch/${encodeURIComponent(stage)}/${page}` })}
          />
          <button
            type="button"
            data-testid="reload-frame"
            onClick={() => (staticMode ? void loadStatic() : frame.current?.contentWindow?.location.reload())}
          >
            Reload frame
          </button>
          {staticMode && (
            <p className="demo-note" data-testid="static-note">
              This copy of the course runs its server in your browser (a service worker), and what a
              service worker answers never enters the browser's HTTP cache. So this frame cannot show
              the browser revalidating on its own: "Reload frame" loads the page afresh. To see what a
              real browser sends, run the course with <code>npm run dev</code>. The playground and the
              tasks work the same here.
            </p>
          )}
        </div>
        <RequestLog stage={stage} />
      </div>
      <Experiments stage={stage} />
    </section>
  );
}
