// Entry point (loaded by /index.html).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './styles/theme.css';
import './styles/layout.css';
import './styles/code.css';
import { setStaticMode, type StaticMode } from '../client/static-mode';

const rootElement = document.getElementById('root')!;

/**
 * A built site either has the course server behind it (`npm run serve`) or is on a static host
 * (GitHub Pages, any folder of files). Asked once, before anything else: when /api/stages is not
 * the server's JSON, the stages start in the browser (static/start-static.ts, bundled apart as
 * static-server.js by site/vite/static-build.ts and loaded only then). `npm run dev` always has
 * the server.
 */
async function startServer(): Promise<void> {
  if (!import.meta.env.PROD) return;
  const base = import.meta.env.BASE_URL;
  const answer = await fetch(`${base}api/stages`, { cache: 'no-store' }).catch(() => null);
  if (answer?.ok && (answer.headers.get('content-type') ?? '').includes('json')) return;
  try {
    const server = (await import(/* @vite-ignore */ `${base}static-server.js`)) as { startStatic(base: string): Promise<StaticMode> };
    setStaticMode(await server.startStatic(base));
  } catch (error) {
    // No service workers here (e.g. a private window, or plain http on another host than
    // localhost): the pages still read, and the playground says no server answers.
    console.error(error);
  }
}

// The routes load the chapters, which throw (naming the file) when one is malformed: show that on
// the page, not only in the console, so a chapter's author sees it at once.
startServer()
  .then(() => import('./routes'))
  .then(({ router }) =>
    createRoot(rootElement).render(
      <StrictMode>
        <RouterProvider router={router} />
      </StrictMode>,
    ),
  )
  .catch((error: Error) => {
    const message = document.createElement('pre');
    message.className = 'startup-error';
    message.textContent = `Cachecraft could not start:\n${error.message}`;
    rootElement.replaceChildren(message);
  });
