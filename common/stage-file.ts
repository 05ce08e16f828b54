// A file a stage serves, as the API lists it (GET /api/stages/<stage>/files, docs/api.md).
export interface StageFile {
  name: string;
  size: number;
  /** ms since the epoch */
  mtime: number;
}
