// The remark side of code regions: what a chapter's <Code> becomes when the chapter is compiled,
// and whether the colours it ships are readable in both themes.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapterReferences } from './region-sources';
import { codeRegions } from './regions-plugin';
import { withProject } from './testing/temp-project';

const root = path.resolve(import.meta.dirname, '../..');

type Attribute = { type: string; name: string; value: string };

/** One plugin per root and command, as in one Vite run (so shiki starts once). */
const plugins = new Map<string, ReturnType<typeof codeRegions>>();

/** Compiles one <Code> (as the MDX compiler hands it to remark) and returns its attributes by name. */
async function compile(projectRoot: string, command: 'build' | 'serve', attributes: Record<string, string>) {
  const key = `${command} ${projectRoot}`;
  if (!plugins.has(key)) {
    const plugin = codeRegions();
    (plugin.vite.configResolved as (config: unknown) => void)({ root: projectRoot, command });
    plugins.set(key, plugin);
  }
  const { remark } = plugins.get(key)!;
  const tag = {
    type: 'mdxJsxFlowElement',
    name: 'Code',
    position: { start: { line: 7 } },
    attributes: Object.entries(attributes).map(([name, value]): Attribute => ({ type: 'mdxJsxAttribute', name, value })),
  };
  await remark()({ type: 'root', children: [tag] }, { path: path.join(projectRoot, 'chapters/01-x/index.mdx') });
  return Object.fromEntries((tag.attributes as Attribute[]).map((a) => [a.name, a.value]));
}

const files = { 'server/a.ts': 'before();\n// #region here\nif (x) {\n  y(); // why\n}\n// #endregion\n' };

describe('<Code> in a chapter', () => {
  it('gets its region highlighted once, both themes as CSS variables', () =>
    withProject(files, async (dir) => {
      const { html } = await compile(dir, 'build', { file: 'server/a.ts', region: 'here' });
      expect(html?.match(/<pre /g)).toHaveLength(1);
      expect(html).toMatch(/^<pre class="shiki shiki-themes github-light-high-contrast github-dark-high-contrast" style="--shiki-light:#\w+;--shiki-dark:#\w+;--shiki-light-bg:#\w+;--shiki-dark-bg:#\w+"/);
      expect(html).toContain('--shiki-light:');
      expect(html).not.toContain('before');
      expect(html?.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'")).toBe('if (x) {\n  y(); // why\n}');
    }));

  it('fails the build on a missing region or file, naming the chapter, the line, the file and the region', () =>
    withProject(files, async (dir) => {
      await expect(compile(dir, 'build', { file: 'server/a.ts', region: 'gone' })).rejects.toThrow(
        'chapters/01-x/index.mdx:7 <Code file="server/a.ts" region="gone">: no region "gone" in server/a.ts (regions there: here)',
      );
      await expect(compile(dir, 'build', { file: 'server/nope.ts', region: 'r' })).rejects.toThrow(/file "server\/nope\.ts" does not exist/);
      await expect(compile(dir, 'build', { file: '../outside.ts', region: 'r' })).rejects.toThrow(/does not exist/);
    }));

  it('in the dev server, gets the problem to show instead', () =>
    withProject(files, async (dir) => {
      expect(await compile(dir, 'serve', { file: 'server/a.ts', region: 'gone' })).toEqual({
        file: 'server/a.ts',
        region: 'gone',
        problem: 'no region "gone" in server/a.ts (regions there: here)',
      });
    }));
});

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('the regions the chapters show', () => {
  const references = chapterReferences(root);

  // One test per reference; an accessibility check with axe will see the same colours in the page.
  it.each(references.map((r) => [`${r.file}#${r.region}`, r] as const))('%s: every token passes WCAG AA (4.5:1) in both themes', async (_, ref) => {
    const { html } = await compile(root, 'build', { file: ref.file, region: ref.region });
    for (const mode of ['light', 'dark']) {
      const background = new RegExp(`--shiki-${mode}-bg:(#[0-9a-fA-F]{6})`).exec(html!)![1]!;
      const colours = new Set([...html!.matchAll(new RegExp(`--shiki-${mode}:(#[0-9a-fA-F]{6})`, 'g'))].map((m) => m[1]!));
      expect(colours.size).toBeGreaterThan(1);
      for (const colour of colours) {
        expect(contrast(colour, background), `${mode}: ${colour} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
