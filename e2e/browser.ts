// Real-browser tests: Debian's Chromium driven by playwright-core (no browser download), against
// the real dev server (Vite with the course server mounted), as `npm run dev` runs it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const INSTALL_HINT = 'sudo apt-get install chromium';

/**
 * Whether the browser tests can run. Outside CI a missing Chromium skips them (with the command
 * that installs it); in CI (CI=true) it is a failure, never a silent skip.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`Chromium is missing at ${CHROMIUM}; CI must install it (${INSTALL_HINT}).`);
  }
  console.warn(`\n[e2e] Skipping browser tests: no Chromium at ${CHROMIUM}. Install it with: ${INSTALL_HINT}\n`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function startDevServer(): Promise<{ url: string; server: ViteDevServer }> {
  const server = await createServer({
    root: fileURLToPath(new URL('..', import.meta.url)),
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    configLoader: 'runner', // as `npm run dev` does
    server: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'error',
  });
  await server.listen();
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('dev server did not listen');
  return { url: `http://127.0.0.1:${address.port}`, server };
}
