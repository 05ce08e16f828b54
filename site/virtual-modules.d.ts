// Types of the modules made at build time by the plugins in site/vite/.

/** site/vite/chapters-plugin.ts: the chapters found in chapters/, in order. */
declare module 'virtual:chapters' {
  export const chapters: import('./chapter-list').Chapter[];
  /** slug → loads that chapter's text and tasks (one chunk per chapter). */
  export const loaders: Record<string, () => Promise<import('./chapter-list').ChapterModule>>;
}
