// Vite plugin: `vite build` writes dist/routes.json, the pages the app has, so `npm run serve`
// can answer an unknown /chapters/<slug> with a 404 status (server/built-site.ts) while the app
// renders its friendly not-found page. The chapters are found as the site finds them
// (findChapters: the folders chapters/NN-slug/, in order, their front matter checked).
import type { Plugin } from 'vite';
import { ROUTES_FILE, type RoutesManifest } from '../../server/built-site';
import { findChapters } from './chapter-sources';

/** The app's pages, as site/routes.tsx defines them: the home page and one per chapter. */
export function clientRoutes(root: string): string[] {
  return ['/', ...findChapters(root).map((c) => `/chapters/${c.slug}`)];
}

export function routesManifest(): Plugin {
  let root = process.cwd();
  return {
    name: 'cachecraft-routes-manifest',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle() {
      const manifest: RoutesManifest = { routes: clientRoutes(root) };
      this.emitFile({ type: 'asset', fileName: ROUTES_FILE, source: JSON.stringify(manifest, null, 2) + '\n' });
    },
  };
}
