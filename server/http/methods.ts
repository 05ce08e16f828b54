// A file server answers GET and HEAD; any other method is refused with 405 and an Allow list
// (RFC 9110, section 15.5.6), which tells the client what would have worked.
import { errorPage } from './error-page';

export const FILE_METHODS = ['GET', 'HEAD'];

export function refuseUnlessReadMethod(method: string): Response | null {
  if (FILE_METHODS.includes(method)) return null;
  return errorPage(405, `This server only reads files: ${FILE_METHODS.join(' and ')}.`, {
    Allow: FILE_METHODS.join(', '),
  });
}
