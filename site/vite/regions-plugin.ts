// Vite plugin: `import { regions } from 'virtual:code-regions'` gives every named region of the
// server's source (and of any file a chapter names), highlighted by shiki in a light and a dark
// theme at once (CSS variables; site/styles/code.css picks one from <html data-theme>).
// `vite build` fails when a chapter names a region that does not exist; the dev server shows the
// problem in the page instead, so a half-written chapter does not take the whole site down.
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { createHighlighter } from 'shiki';
import { CHAPTERS_FOLDER } from './chapter-sources';
import { buildRegionIndex, REGION_FOLDERS } from './region-sources';
import { languageOf } from './regions';

const VIRTUAL_ID = 'virtual:code-regions';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const THEMES = { light: 'github-light', dark: 'github-dark' } as const;
const LANGUAGES = ['ts', 'tsx', 'js', 'jsx', 'css', 'html', 'json', 'python'];

export function codeRegions(): Plugin {
  let root = process.cwd();
  let isBuild = false;
  const highlighter = createHighlighter({ themes: Object.values(THEMES), langs: LANGUAGES });

  return {
    name: 'cachecraft-code-regions',
    configResolved(config) {
      root = config.root;
      isBuild = config.command === 'build';
    },
    buildStart() {
      if (!isBuild) return;
      const { problems } = buildRegionIndex(root);
      if (problems.length > 0) {
        this.error(`Code regions referenced by the chapters are missing:\n  ${problems.join('\n  ')}`);
      }
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { files, problems } = buildRegionIndex(root);
      if (problems.length > 0) this.warn(`code regions: ${problems.join('; ')}`);
      const shiki = await highlighter;
      const regions: Record<string, Record<string, { code: string; html: string }>> = {};
      for (const [file, fileRegions] of files) {
        const lang = languageOf(file);
        regions[file] = {};
        for (const [name, code] of fileRegions) {
          const html = shiki.codeToHtml(code, { lang, themes: THEMES, defaultColor: false });
          regions[file][name] = { code, html };
        }
      }
      return `export const regions = ${JSON.stringify(regions)};\nexport const problems = ${JSON.stringify(problems)};\n`;
    },
    configureServer(server) {
      // Region markers live in server/ and chapters/: re-read them when those change.
      const watched = [...REGION_FOLDERS, CHAPTERS_FOLDER].map((f) => path.join(root, f) + path.sep);
      const onChange = (file: string) => {
        if (watched.some((folder) => file.startsWith(folder))) reloadVirtualModule(server);
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}

function reloadVirtualModule(server: ViteDevServer) {
  const graph = server.environments.client.moduleGraph;
  const module = graph.getModuleById(RESOLVED_ID);
  if (!module) return;
  graph.invalidateModule(module);
  server.ws.send({ type: 'full-reload' });
}
