// Vite plugin: `vite build` writes dist/routes.json, the pages the app has, so `npm run serve`
// can answer an unknown /chapters/<slug> with a 404 status (server/built-site.ts) while the app
// renders its friendly not-found page. The chapters are read as the site reads them: every
// chapters/NN-slug.mdx, its slug from the front matter, checked by the same buildChapters.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { parse } from 'yaml';
import { ROUTES_FILE, type RoutesManifest } from '../../server/built-site';
import { buildChapters, type MdxModule } from '../chapter-list';
import { chapterFiles } from './region-sources';

/** The front matter of an MDX file: the YAML between the first two `---` lines, or {}. */
export function frontmatterOf(source: string): Record<string, unknown> {
  const yaml = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source)?.[1];
  return yaml ? ((parse(yaml) as Record<string, unknown> | null) ?? {}) : {};
}

/** The app's pages, as site/routes.tsx defines them: the home page and one per chapter. */
export function clientRoutes(root: string): string[] {
  const modules: Record<string, MdxModule> = {};
  for (const file of chapterFiles(root)) {
    modules[`../${file}`] = { default: () => null, frontmatter: frontmatterOf(readFileSync(path.join(root, file), 'utf8')) };
  }
  return ['/', ...buildChapters(modules, {}).map((c) => `/chapters/${c.slug}`)];
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
