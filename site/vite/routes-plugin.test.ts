import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChapters } from './chapter-sources';
import { clientRoutes } from './routes-plugin';
import { chapterText, GOOD_FRONTMATTER, withProject } from './testing/temp-project';

const root = path.resolve(import.meta.dirname, '../..');

describe('clientRoutes', () => {
  it('lists the home page and one page per chapter of the course', () => {
    expect(clientRoutes(root)).toEqual(['/', ...findChapters(root).map((c) => `/chapters/${c.slug}`)]);
  });

  it('takes the slug from the folder name, in NN order', () =>
    withProject(
      {
        'chapters/10-ten/index.mdx': chapterText(GOOD_FRONTMATTER),
        'chapters/02-two/index.mdx': chapterText(GOOD_FRONTMATTER),
        'chapters/notes.txt': 'not a chapter',
      },
      (dir) => {
        expect(clientRoutes(dir)).toEqual(['/', '/chapters/two', '/chapters/ten']);
      },
    ));

  it('fails the build on a malformed chapter, naming it', () =>
    withProject({ 'chapters/01-a/index.mdx': '---\ntitle: a\n---\n' }, (dir) => {
      expect(() => clientRoutes(dir)).toThrow(/chapters\/01-a\/index\.mdx: front matter "part": missing/);
    }));
});
