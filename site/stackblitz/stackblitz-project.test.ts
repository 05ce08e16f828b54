import { describe, expect, it } from 'vitest';
import { stackblitzProject } from './stackblitz-project';

describe('stackblitzProject', () => {
  const chapter = { title: 'Last-Modified', stage: 'last-modified', textFile: 'chapters/02-last-modified/index.mdx' };
  const files = { 'package.json': '{}', 'chapters/02-last-modified/index.mdx': '# x', 'server/stages/last-modified.ts': '' };

  it('sends the whole project as a node project, opened on the chapter and its stage, running dev', () => {
    const { project, options } = stackblitzProject(chapter, files);
    expect(project.template).toBe('node');
    expect(project.files).toBe(files);
    expect(project.title).toBe('Cachecraft: Last-Modified');
    expect(options).toEqual({ openFile: 'chapters/02-last-modified/index.mdx,server/stages/last-modified.ts', startScript: 'dev', newWindow: true });
  });

  it('opens only files the project has (a stage defined in another file)', () => {
    const { options } = stackblitzProject({ ...chapter, stage: 'seed-tokyo' }, files);
    expect(options.openFile).toBe('chapters/02-last-modified/index.mdx');
  });
});
