// Code regions for <Code file="server/http/http-date.ts" region="format-http-date" />.
//
// When the MDX compiler reads a chapter, `codeRegions().remark` finds its <Code> tags and gives
// each one an `html` prop: that region, highlighted by shiki. So a chapter's chunk carries only
// the regions it names, each highlighted once with both themes as CSS variables
// (site/styles/code.css picks one from <html data-theme>); no other page pays for them.
//
// `vite build` fails when a chapter names a region that does not exist (or when any server file
// has broken region markers). The dev server puts the problem in the page instead (a `problem`
// prop, shown by site/Code.tsx), so a half-written chapter does not take the whole site down.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { createHighlighter } from 'shiki';
import { buildRegionIndex, chapterReferences } from './region-sources';
import { extractRegions, languageOf } from './regions';

/**
 * Light and dark themes whose every token colour has at least 4.5:1 contrast on the theme's own
 * background (WCAG AA); github-light and github-dark do not (orange on white, grey comments).
 * site/vite/regions-plugin.test.ts checks it for every region the chapters show.
 */
export const THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;
const LANGUAGES = ['ts', 'tsx', 'js', 'jsx', 'css', 'html', 'json', 'python'];

/** The parts of an MDX syntax tree this plugin reads (mdast + mdx-jsx nodes). */
interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number } };
}

export function codeRegions(): { vite: Plugin; remark: () => (tree: MdxNode, file: { path?: string }) => Promise<void> } {
  let root = process.cwd();
  let isBuild = false;
  let highlighter: ReturnType<typeof createHighlighter> | undefined;
  const highlighted = new Map<string, string>(); // lang + code → HTML: the dev server re-reads chapters often

  /** A region as highlighted HTML, or why it cannot be shown. */
  async function regionHtml(file: string, region: string): Promise<{ html: string } | { problem: string }> {
    const absolute = path.resolve(root, file);
    if (!absolute.startsWith(path.resolve(root) + path.sep) || !existsSync(absolute)) {
      return { problem: `file "${file}" does not exist` };
    }
    let code;
    try {
      const regions = extractRegions(readFileSync(absolute, 'utf8'));
      code = regions.get(region);
      if (code === undefined) return { problem: `no region "${region}" in ${file} (regions there: ${[...regions.keys()].join(', ') || 'none'})` };
    } catch (error) {
      return { problem: `${file}: ${(error as Error).message}` };
    }
    const lang = languageOf(file);
    const key = `${lang}\n${code}`;
    let html = highlighted.get(key);
    if (html === undefined) {
      highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: LANGUAGES });
      // tokenizeTimeLimit 0: never give up on a line. Shiki's default (500 ms a line) is reached
      // on a busy machine while it compiles its grammars, and then colours the rest of a line as one token.
      html = (await highlighter).codeToHtml(code, { lang, themes: THEMES, defaultColor: false, tokenizeTimeLimit: 0 });
      highlighted.set(key, html);
    }
    return { html };
  }

  /** Remark plugin (for @mdx-js/rollup): adds `html` (or `problem`) to each <Code> of a chapter. */
  const remark = () => async (tree: MdxNode, vfile: { path?: string }) => {
    const chapter = vfile.path ? path.relative(root, vfile.path) : 'a chapter';
    const tags: MdxNode[] = [];
    const walk = (node: MdxNode) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Code') tags.push(node);
      node.children?.forEach(walk);
    };
    walk(tree);
    for (const tag of tags) {
      const literal = (name: string) => {
        const value = tag.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
        return typeof value === 'string' ? value : undefined;
      };
      const file = literal('file');
      const region = literal('region');
      const result =
        file === undefined || region === undefined
          ? { problem: '<Code> needs both file="…" and region="…" as plain strings' }
          : await regionHtml(file, region);
      if ('problem' in result && isBuild) {
        throw new Error(`${chapter}:${tag.position?.start.line ?? '?'} <Code file="${file}" region="${region}">: ${result.problem}`);
      }
      const [name, value] = 'html' in result ? ['html', result.html] : ['problem', result.problem];
      tag.attributes = [...(tag.attributes ?? []), { type: 'mdxJsxAttribute', name, value }];
    }
  };

  const vite: Plugin = {
    name: 'cachecraft-code-regions',
    configResolved(config) {
      root = config.root;
      isBuild = config.command === 'build';
    },
    buildStart() {
      // Every problem at once, before anything is compiled (the remark plugin stops at the first).
      if (!isBuild) return;
      const { problems } = buildRegionIndex(root);
      if (problems.length > 0) {
        this.error(`Code regions referenced by the chapters are missing:\n  ${problems.join('\n  ')}`);
      }
    },
    configureServer(server) {
      // A chapter shows regions of other files: when one of those changes, compile the chapters
      // that name it again (an edit of the chapter itself is Vite's own business).
      const onChange = (changed: string) => {
        const file = path.relative(root, changed).split(path.sep).join('/');
        let chapters: string[] = [];
        try {
          chapters = chapterReferences(root).filter((r) => r.file === file).map((r) => r.chapter);
        } catch {
          return; // a chapter with a malformed <Code>: its own page says so
        }
        if (chapters.length > 0) recompile(server, root, chapters);
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };

  return { vite, remark };
}

function recompile(server: ViteDevServer, root: string, chapters: string[]) {
  const graph = server.environments.client.moduleGraph;
  for (const chapter of chapters) {
    for (const module of graph.getModulesByFile(path.join(root, chapter)) ?? []) graph.invalidateModule(module);
  }
  server.ws.send({ type: 'full-reload' });
}
