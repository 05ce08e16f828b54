// Chapter "echoed-date": the date the browser sends back, compared as a date (RFC 9110, 13.1.3):
// a 304 for any valid HTTP-date at or after Last-Modified, in any of the three forms. This is
// the rule the last-modified stage already uses; here it runs beside nginx's exact rule
// (echoed-date-exact.ts) on the same server code.
import { checkIfModifiedSince } from '../http/if-modified-since';
import { dateComparingStage } from './date-comparing';
import type { FileStore } from '../files/store';
import type { Stage } from './stage';

// #region echoed-date-stage
export function echoedDateStage(files: FileStore): Stage {
  return dateComparingStage(files, checkIfModifiedSince);
}
// #endregion
