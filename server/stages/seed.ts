// The seed: the 2008 "MonitorServer" (a Python BaseHTTPRequestHandler from the blog post
// "Webservers with Python - Caching"), ported to TypeScript bug for bug. Later chapters fix it
// one idea at a time; this file keeps the mistakes on purpose. Each one is marked BUG.
//
// It serves a pretend Windows disk (server/files/windows-disk.ts), so its path bugs can reach a
// fake secret and nothing else. What a port to a fetch-style handler cannot reproduce is said
// where it happens (NOT PORTED).
import { guessType } from '../http/content-type';
import { escapeHtml } from '../http/error-page';
import { respond } from '../http/respond';
import { WindowsDisk, MONITOR_PATH } from '../files/windows-disk';
import type { Stage } from './stage';

// What Python 2.5's BaseHTTPServer said about itself in every response.
const SERVER = 'BaseHTTP/0.3 Python/2.5.2';

// #region seed-local-time
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

// datetime.fromtimestamp(mtime).strftime("%a, %d %b %Y %H:%M:%S GMT")
// BUG: fromtimestamp gives the server's LOCAL time, and the format then labels it GMT.
function formatLocalTimeAsGmt(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${DAYS[d.getDay()]}, ${two(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ` +
    `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} GMT`;
}

// datetime.strptime(dt, "%a, %d %b %Y %H:%M:%S %Z")
// BUG: only this one of the three HTTP-date forms; the zone name is checked and then ignored, so
// the numbers are read as LOCAL time again: the round trip of the server's own echoed date hides
// the bug above. (Python's %a and %b also follow the machine's locale.)
const STRPTIME = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{1,2}):(\d{1,2}):(\d{1,2}) (GMT|UTC)$/i;

function parseAsLocalTime(text: string): number {
  const m = STRPTIME.exec(text);
  if (!m) throw new Error(`ValueError: time data '${text}' does not match format`);
  const month = MONTHS.findIndex((name) => name.toLowerCase() === m[3]!.toLowerCase());
  return new Date(+m[4]!, month, +m[2]!, +m[5]!, +m[6]!, +m[7]!).getTime() / 1000;
}
// #endregion

export function seedStage(root: string): Stage {
  const disk = new WindowsDisk(root);

  // #region seed-handler
  return async function doGET(request) {
    // BUG: BaseHTTPRequestHandler has no do_HEAD (nor do_POST...): HEAD gets 501.
    if (request.method !== 'GET') {
      return sendError(501, `Unsupported method ('${request.method}')`);
    }
    const url = new URL(request.url);
    const selfPath = url.pathname + url.search; // self.path: the request target
    const path = urlparsePath(url.pathname);

    if (path === '/') return indexPage();
    if (path === '/job') return jobPage();

    // BUG: keep only the last segment, and join it with a Windows separator. It strips "/../",
    // but "..\\..\\x" would climb (modern URL parsers turn "\\" into "/" before we ever see it,
    // and our node adapter refuses it), ".." alone names a folder, and nothing is
    // percent-decoded, so "my%20file.css" is never found.
    const name = path.split('/').pop() ?? '';
    const filePath = monitorPathFor(path);

    if (await disk.exists(filePath)) { // BUG: a folder "exists" too; open() then throws
      const ctype = guessType(name); // BUG: can be None, and is sent as "None"
      const info = await disk.stat(filePath);
      const lastmod = Math.floor(info.mtimeMs / 1000); // whole seconds, read as local time below

      // BUG: ANY If-None-Match gets 304, though this server never sends an ETag.
      if (request.headers.get('If-None-Match')) {
        return notModified(); // NOT PORTED: Python sent the status line and never ended the headers
      }
      if (request.headers.get('If-Modified-Since')) {
        const dt = request.headers.get('If-Modified-Since')!.split(';')[0]!;
        try {
          const modsince = parseAsLocalTime(dt);
          if (modsince >= lastmod) return notModified();
        } catch {
          // BUG: a bare `except: pass` swallows every failure, silently.
        }
      }

      // BUG: ten days of freshness and an Expires date fixed in the past (2010): max-age wins
      // over Expires, so browsers do not even ask for ten days, edited or not.
      const headers: [string, string][] = [
        ['Server', SERVER],
        ['Cache-Control', 'max-age=864000'],
        ['Expires', 'Fri, 30 Jan 2010 12:00:00 GMT'],
        ['Content-Length', String(info.size)],
        ['Last-Modified', formatLocalTimeAsGmt(lastmod)],
        ['Content-Type', String(ctype ?? 'None')],
      ];
      // Python: self.copyfile(open(path, 'rb'), self.wfile). Opening a folder throws here and the
      // request dies with an unhandled error. (The never-closed file is closed by CPython's
      // reference counting as soon as copyfile returns; our reader closes it too.)
      return respond(200, headers, await disk.read(filePath));
    }
    // The request path is echoed into the error page. Python 2.5's send_error escaped & < > in
    // the message (its _quote_html; 2.4's did not), as we do: a server that builds such a page
    // without escaping hands every visitor's browser to whoever writes the link.
    return sendError(404, `Unknown url ${selfPath}`);
  };
  // #endregion
}

// #region seed-path
/** path.split('/')[-1], joined to the monitor folder with a backslash. */
export function monitorPathFor(path: string): string {
  return MONITOR_PATH + '\\' + (path.split('/').pop() ?? '');
}
// #endregion

/** urlparse(): the path without ";params" on its last segment (query and fragment are gone already). */
function urlparsePath(pathname: string): string {
  const lastSlash = pathname.lastIndexOf('/');
  const semicolon = pathname.indexOf(';', lastSlash);
  return semicolon === -1 ? pathname : pathname.slice(0, semicolon);
}

function notModified(): Response {
  return respond(304, { Server: SERVER });
}

// BaseHTTPRequestHandler.send_error and its DEFAULT_ERROR_MESSAGE page.
function sendError(code: number, message: string): Response {
  const explain: Record<number, string> = {
    404: 'Nothing matches the given URI',
    501: 'Server does not support this operation',
  };
  const body =
    `<head>\n<title>Error response</title>\n</head>\n<body>\n<h1>Error response</h1>\n` +
    `<p>Error code ${code}.\n<p>Message: ${escapeHtml(message)}.\n` +
    `<p>Error code explanation: ${code} = ${explain[code] ?? ''}.\n</body>\n`;
  return respond(code, { Server: SERVER, 'Content-Type': 'text/html', Connection: 'close' }, body);
}

// The original wrote its index page from a string in the code ("blah blah"), with no status line
// at all (NOT PORTED: a fetch-style handler always sends one). Here: a small generated page.
function indexPage(): Response {
  const html =
    `<!doctype html>\n<html><head><title>FreezerBurn monitor</title>` +
    `<link rel="stylesheet" href="monitor.css"></head>\n<body><h1>FreezerBurn monitor</h1>` +
    `<p>Generated by the seed server at ${new Date().toISOString()}.</p>` +
    `<p><a href="index.html">The monitoring page</a> · <a href="job">Jobs</a></p>` +
    `<script src="monitor.js"></script></body></html>\n`;
  return respond(200, { Server: SERVER, 'Content-Type': 'text/html' }, html);
}

function jobPage(): Response {
  return respond(200, { Server: SERVER, 'Content-Type': 'text/plain' }, 'job 17: encoding freezer-burn-004.avi, 63%\n');
}
