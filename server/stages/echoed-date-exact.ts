// Chapter "echoed-date", the other rule: nginx's default, `if_modified_since exact;`. A 304 only
// when the date is exactly Last-Modified (to the second, in any of the three forms); any other
// date, a later one too, gets the whole file.
import { checkIfModifiedSinceExact } from '../http/if-modified-since-exact';
import { dateComparingStage } from './date-comparing';
import type { FileStore } from '../files/store';
import type { Stage } from './stage';

// #region echoed-date-exact-stage
export function echoedDateExactStage(files: FileStore): Stage {
  return dateComparingStage(files, checkIfModifiedSinceExact);
}
// #endregion
