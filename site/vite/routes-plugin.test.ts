import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientRoutes, frontmatterOf } from './routes-plugin';

const root = path.resolve(import.meta.dirname, '../..');

function withChapters(files: Record<string, string>, test: (dir: string) => void) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cachecraft-routes-'));
  try {
    mkdirSync(path.join(dir, 'chapters'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'chapters', name), text);
    test(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const chapter = (slug: string) => `---\nslug: ${slug}\ntitle: T\nstage: s\nsummary: S\npart: P\n---\n\nText.\n`;

describe('frontmatterOf', () => {
  it('reads the YAML between the first two --- lines, CRLF too', () => {
    expect(frontmatterOf('---\nslug: a\n---\nbody')).toEqual({ slug: 'a' });
    expect(frontmatterOf('---\r\nslug: a\r\n---\r\nbody')).toEqual({ slug: 'a' });
    expect(frontmatterOf('no front matter')).toEqual({});
  });
});

describe('clientRoutes', () => {
  it('lists the home page and one page per chapter of the course, by front-matter slug', () => {
    const routes = clientRoutes(root);
    const chapters = readdirSync(path.join(root, 'chapters')).filter((f) => f.endsWith('.mdx'));
    expect(routes[0]).toBe('/');
    expect(routes).toHaveLength(chapters.length + 1);
    expect(routes).toEqual(expect.arrayContaining(['/chapters/no-cache', '/chapters/last-modified']));
  });

  it('takes the slug from the front matter, in NN order, not from the file name', () => {
    withChapters({ '10-later.mdx': chapter('ten'), '02-x.mdx': chapter('two'), 'notes.txt': 'not a chapter' }, (dir) => {
      expect(clientRoutes(dir)).toEqual(['/', '/chapters/two', '/chapters/ten']);
    });
  });

  it('fails the build on a malformed chapter, naming it', () => {
    withChapters({ '01-a.mdx': '---\nslug: a\n---\n' }, (dir) => {
      expect(() => clientRoutes(dir)).toThrow(/01-a\.mdx: front matter needs "title"/);
    });
  });
});
