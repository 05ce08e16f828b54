// The static build's server, in the browser: an msw service worker hands this page the requests
// for /api and /ch (at the site's root or under its base, e.g. /<repo>/api/...), and the course
// app answers them from the samples held in memory: the same stages and the same routes as
// `npm run dev` (server/static-app.ts). Bundled on its own as static-server.js
// (site/vite/static-build.ts), loaded only when no course server answers (site/main.tsx).
//
// msw 2's worker lets navigations go to the network (mode "navigate"), so a frame's own document
// never reaches it; the demo frame is written with srcdoc instead (playground/DemoFrame.tsx).
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import samples from 'virtual:samples';
import { LEARNER_KEY } from '../client/learner';
import type { StaticMode } from '../client/static-mode';
import { LEARNER_HEADER } from '../common/exchange';
import type { MemoryFile } from '../server/files/memory-store';
import { staticCourseApp } from '../server/static-app';
import { withBaseHref } from './static-frame';

export async function startStatic(base: string): Promise<StaticMode> {
  const app = staticCourseApp(decodeSamples(samples));
  const origin = location.origin;
  const prefix = base.replace(/\/$/, '');
  const coursePath = new RegExp(`^${escapeRegExp(origin)}(${escapeRegExp(prefix)})?/(api|ch)(/|$)`);

  const worker = setupWorker(
    http.all(coursePath, async ({ request }) => {
      const url = new URL(request.url);
      const path = prefix && url.pathname.startsWith(prefix + '/') ? url.pathname.slice(prefix.length) : url.pathname;
      const headers = new Headers(request.headers);
      // The demo frame's loads carry no learner tag (the cookie is for /ch/ at the root, and a
      // service worker never sees cookies): every request that reaches this page is this
      // browser's own, so it is tagged with this browser's learner.
      // (Read from storage each time: this bundle has its own copy of client/learner's state.)
      const learner = storage()?.getItem(LEARNER_KEY);
      if (!headers.has(LEARNER_HEADER) && learner) headers.set(LEARNER_HEADER, learner);
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      const inner = new Request(origin + path + url.search, {
        method: request.method,
        headers,
        ...(hasBody ? { body: await request.arrayBuffer() } : {}),
      });
      return app.fetch(inner);
    }),
  );
  await worker.start({
    serviceWorker: { url: `${base}mockServiceWorker.js`, options: { scope: base } },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return {
    frameNote: FRAME_NOTE,
    async frameDocument(stage, page) {
      const dir = `${base}ch/${encodeURIComponent(stage)}/`;
      const response = await fetch(dir + page, { cache: 'no-store' }).catch(() => null);
      return withBaseHref(response ? await response.text() : 'The stage did not answer.', origin + dir);
    },
  };
}

const FRAME_NOTE =
  "This copy of the course runs its server in your browser (a service worker), and what a service worker " +
  "answers never enters the browser's HTTP cache. So this frame cannot show the browser revalidating on its " +
  "own: Reload frame fetches the page afresh. To see what a real browser sends, run the course with " +
  'npm run dev. The playground, the tasks and the experiments work the same here.';

function decodeSamples(list: readonly (readonly [string, number, string])[]): Map<string, MemoryFile> {
  return new Map(list.map(([name, mtimeMs, base64]) => [name, { mtimeMs, bytes: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) }]));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}
