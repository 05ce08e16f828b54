import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { STAGES } from '../server/stages';
import { buildChapters, chapterStages, type MdxModule } from './chapter-list';

const Content = () => null;
const mdx = (frontmatter: Record<string, unknown>): MdxModule => ({ default: Content, frontmatter });
const fm = (slug: string) => ({ slug, title: slug.toUpperCase(), stage: slug, summary: 's', part: 'P' });

describe('buildChapters', () => {
  it('orders by the NN prefix (numerically) and attaches the matching tasks file', () => {
    const task = { id: 't', text: 't', check: () => true };
    const chapters = buildChapters(
      { '../chapters/10-ten.mdx': mdx(fm('ten')), '../chapters/02-two.mdx': mdx({ ...fm('two'), compare: 'seed' }) },
      { '../chapters/02-two.tasks.ts': { tasks: [task] } },
    );
    expect(chapters.map((c) => [c.number, c.slug])).toEqual([[2, 'two'], [10, 'ten']]);
    expect(chapters[0]?.tasks).toEqual([task]);
    expect(chapters[0]?.compare).toBe('seed');
    expect(chapters[1]?.tasks).toEqual([]);
    expect(chapters[1]?.compare).toBeUndefined();
  });

  it('names the file when front matter is missing a field', () => {
    expect(() => buildChapters({ '../chapters/01-x.mdx': mdx({ slug: 'x', title: 'X', summary: 's' }) }, {})).toThrow(
      '../chapters/01-x.mdx: front matter needs "stage"',
    );
  });

  it('rejects badly named files and duplicate slugs', () => {
    expect(() => buildChapters({ '../chapters/intro.mdx': mdx(fm('x')) }, {})).toThrow(/NN-slug/);
    expect(() => buildChapters({ '../chapters/01-a.mdx': mdx(fm('a')), '../chapters/02-b.mdx': mdx(fm('a')) }, {})).toThrow(
      /two chapters/,
    );
  });
});

describe('chapterStages', () => {
  it('is the stage, then the compared stage when there is one', () => {
    expect(chapterStages({ stage: 'a' })).toEqual(['a']);
    expect(chapterStages({ stage: 'a', compare: 'seed' })).toEqual(['a', 'seed']);
  });
});

describe("the course's own chapters", () => {
  // Read as the site reads them (front matter is the YAML between the first two --- lines), so a
  // malformed chapter or an unknown stage fails here, not as a blank page in a learner's browser.
  const folder = new URL('../chapters/', import.meta.url);
  const files = readdirSync(folder).filter((f) => f.endsWith('.mdx'));
  const modules = Object.fromEntries(
    files.map((file) => {
      const text = readFileSync(new URL(file, folder), 'utf8');
      const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1];
      return [`../chapters/${file}`, mdx(yaml ? (parse(yaml) as Record<string, unknown>) : {})];
    }),
  );

  it('are well formed, with unique slugs', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(() => buildChapters(modules, {})).not.toThrow();
  });

  it('talk only to stages the server has', () => {
    const known = STAGES.map((s) => s.slug);
    for (const chapter of buildChapters(modules, {})) {
      for (const stage of chapterStages(chapter)) expect(known, `${chapter.slug} uses stage ${stage}`).toContain(stage);
    }
  });
});
