// A stage is the server of one chapter: a function from a web Request to a Response. The same
// function runs on node:http, inside Vite's dev server and in tests.
export type Stage = (request: Request) => Promise<Response>;

export interface StageDefinition {
  slug: string;
  title: string;
  /** Builds the stage serving the files of `root` (a folder on disk). */
  create: (root: string) => Stage;
}
