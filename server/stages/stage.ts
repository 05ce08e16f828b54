// A stage is the server of one chapter: a function from a web Request to a Response. The same
// function runs on node:http, inside Vite's dev server and in tests.
export type Stage = (request: Request) => Promise<Response>;

export interface StageDefinition {
  slug: string;
  title: string;
  /** Builds the stage serving the files of `root` (a folder on disk). */
  create: (root: string) => Stage;
  /**
   * Optional: run by the course app on each fresh copy of the samples it makes for this stage,
   * before the copy is served (e.g. the replica's other mtimes). `npm run serve -- --root`
   * serves a folder as it is, without it.
   */
  prepareCopy?: (site: string) => Promise<void>;
}
