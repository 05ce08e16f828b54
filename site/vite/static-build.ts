// Vite plugin for the static build (`npm run build`, served by any static host, no course
// server): the pieces static/start-static.ts needs, and the fallback page GitHub Pages uses.
//
//   static-server.js        static/start-static.ts bundled on its own (esbuild: msw, the course
//                           app, the stages, the samples), loaded by site/main.tsx only when no
//                           course server answers. Apart from Vite's chunks on purpose: a module
//                           shared with the pages would grow the pages' chunks (page-weight.ts)
//   virtual:samples         (inside it) server/samples/: name, mtime and bytes (base64) of each file
//   mockServiceWorker.js    msw's worker script, copied from the installed msw at build time, so
//                           it always matches the package's version (msw compares the worker's
//                           checksum with its own, and warns on a mismatch)
//   404.html                the app's page again: a host that answers an unknown path with its
//                           404.html (GitHub Pages) then opens every chapter URL directly
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, type Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin } from 'vite';
import { SAMPLES_DIR } from '../../server/paths';

export const WORKER_FILE = 'mockServiceWorker.js';
export const STATIC_SERVER_FILE = 'static-server.js';

export function mswWorkerSource(): string {
  return readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), 'utf8');
}

/** The samples as a module: [name, mtime in ms, bytes in base64] for each file. */
export function samplesModule(dir = SAMPLES_DIR): string {
  const files = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
  const entries = files.map((name) => {
    const file = path.join(dir, name);
    return [name, statSync(file).mtimeMs, readFileSync(file).toString('base64')];
  });
  return `export default ${JSON.stringify(entries)};`;
}

const samples: EsbuildPlugin = {
  name: 'samples',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^virtual:samples$/ }, () => ({ path: 'samples', namespace: 'virtual' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({ contents: samplesModule(), loader: 'js' }));
  },
};

/** static/start-static.ts and all it needs, as one ES module for the browser. */
export async function bundleStaticServer(root: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'static/start-static.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [samples],
  });
  return result.outputFiles[0]!.text;
}

export function staticBuild(): Plugin {
  let root = process.cwd();
  return {
    name: 'cachecraft-static-build',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        this.emitFile({ type: 'asset', fileName: STATIC_SERVER_FILE, source: await bundleStaticServer(root) });
        this.emitFile({ type: 'asset', fileName: WORKER_FILE, source: mswWorkerSource() });
        const page = bundle['index.html'];
        if (page?.type === 'asset') this.emitFile({ type: 'asset', fileName: '404.html', source: page.source });
      },
    },
  };
}
