// What "Open in StackBlitz" sends for a chapter: the whole project (site/vite/project-files.ts),
// opened on the chapter's text and its stage's code, running `npm install` then `npm run dev`.
import type { OpenOptions, Project } from '@stackblitz/sdk';
import type { Chapter } from '../chapter-list';

export function stackblitzProject(
  chapter: Pick<Chapter, 'title' | 'stage' | 'textFile'>,
  files: Record<string, string>,
): { project: Project; options: OpenOptions } {
  const stageFile = `server/stages/${chapter.stage}.ts`;
  return {
    project: {
      title: `Cachecraft: ${chapter.title}`,
      description: 'An interactive course on HTTP caching: the course and its live server.',
      template: 'node', // WebContainers: StackBlitz runs `npm install`, then the startScript
      files,
    },
    options: {
      // The stage may be shared with another chapter's file name; open it only if it exists.
      openFile: [chapter.textFile, stageFile].filter((file) => file in files).join(','),
      startScript: 'dev',
      newWindow: true,
    },
  };
}
