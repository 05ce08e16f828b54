// The e2e project's globalSetup (vitest.config.ts): ONE dev server (Vite with the course server
// mounted, as `npm run dev` runs it) and ONE Chromium for every browser test file. The test files
// get their addresses with inject('e2e') (see e2e/browser.ts); each file opens its own browser
// context, so each has a fresh profile. Runs in vitest's main process, and only when e2e tests run.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserServer } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import type { TestProject } from 'vitest/node';
import type { E2eTarget } from './browser';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL_HINT = 'sudo apt-get install chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!existsSync(CHROMIUM)) {
    // Outside CI a missing Chromium skips the browser tests, with the command that installs it;
    // in CI (CI=true) it fails them, never a silent skip.
    if (process.env.CI === 'true') {
      project.provide('e2e', { failed: `Chromium is missing at ${CHROMIUM}; CI must install it (${INSTALL_HINT}).` });
    } else {
      const reason = `no Chromium at ${CHROMIUM}. Install it with: ${INSTALL_HINT} (or set CHROMIUM_PATH).`;
      console.warn(`\n[e2e] Skipping browser tests: ${reason}\n`);
      project.provide('e2e', { skipped: reason });
    }
    return undefined;
  }

  // A browser or a dev server that fails to start fails every browser test with the reason;
  // thrown from here it would stop the unit tests as well, under a misleading "No test files found".
  const [browser, dev] = await Promise.allSettled([launchChromiumServer(), startDevServer()]);
  if (browser.status === 'rejected' || dev.status === 'rejected') {
    if (browser.status === 'fulfilled') await browser.value.close();
    if (dev.status === 'fulfilled') await dev.value.server.close();
    const error = (browser.status === 'rejected' ? browser.reason : (dev as PromiseRejectedResult).reason) as Error;
    const what = browser.status === 'rejected' ? `Chromium (${CHROMIUM}) did not start` : 'the dev server did not start';
    project.provide('e2e', { failed: `${what}: ${error.stack ?? String(error)}` });
    return undefined;
  }
  const target: E2eTarget = { url: dev.value.url, wsEndpoint: browser.value.wsEndpoint() };
  project.provide('e2e', target);

  return async () => {
    await Promise.all([browser.value.close(), dev.value.server.close()]);
  };
}

/** Chromium behind a websocket on the loopback interface (unguessable path): files connect to it. */
function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

async function startDevServer(): Promise<{ url: string; server: ViteDevServer }> {
  const server = await createServer({
    root: fileURLToPath(new URL('..', import.meta.url)),
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    configLoader: 'runner', // as `npm run dev` does
    server: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'error',
  });
  try {
    await server.listen();
    const address = server.httpServer!.address();
    if (!address || typeof address === 'string') throw new Error('dev server did not listen');
    return { url: `http://127.0.0.1:${address.port}`, server };
  } catch (error) {
    await server.close();
    throw error;
  }
}
