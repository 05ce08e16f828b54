// A stage is the server of one chapter: a function from a web Request to a Response. The same
// function runs on node:http, inside Vite's dev server and in tests.
import type { CopyFiles, FileStore } from '../files/store';

export type Stage = (request: Request) => Promise<Response>;

export interface StageDefinition {
  slug: string;
  title: string;
  /**
   * Builds the stage serving `files`: a folder on disk (files/disk-store.ts) or, in the static
   * build, the samples in memory (files/memory-store.ts). A stage reaches its files only
   * through the store and imports no node: module, so it runs in the browser too.
   */
  create: (files: FileStore) => Stage;
  /**
   * Optional: run by the course app on each fresh copy of the samples it makes for this stage,
   * before the copy is served (e.g. the replica's other mtimes). `npm run serve -- --root`
   * serves a folder as it is, without it.
   */
  prepareCopy?: (files: CopyFiles) => Promise<void>;
}
