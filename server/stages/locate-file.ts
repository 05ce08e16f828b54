// Shared first step of the file-serving stages: from the request to a file inside the root, or
// to the error answer that explains why not.
import type { FindFile, FoundFile } from '../files/store';
import { errorPage } from '../http/error-page';
import { checkRequestPath } from '../http/request-path';

export async function locateFile(find: FindFile, request: Request): Promise<FoundFile | Response> {
  const pathname = new URL(request.url).pathname;
  const check = checkRequestPath(pathname);
  if (!check.ok) return errorPage(check.status, `${check.reason} (${pathname})`);
  const file = await find(check.segments);
  return file ?? errorPage(404, `There is no file at ${pathname}.`);
}
