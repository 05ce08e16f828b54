// Types of the modules made at build time by the plugins in site/vite/.

/** site/vite/chapters-plugin.ts: the chapters found in chapters/, in order. */
declare module 'virtual:chapters' {
  export const chapters: import('./chapter-list').Chapter[];
  /** slug → loads that chapter's text and tasks (one chunk per chapter). */
  export const loaders: Record<string, () => Promise<import('./chapter-list').ChapterModule>>;
}

/** site/vite/project-files.ts: the repository's text files, as "Open in StackBlitz" sends them. */
declare module 'virtual:project-files' {
  export const files: Record<string, string>;
  /** The files that are not text, left out (the exported dev script makes them again). */
  export const omitted: string[];
}

