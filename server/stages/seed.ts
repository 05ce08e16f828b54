// The seed: the 2008 "MonitorServer" from the blog post "Webservers with Python - Caching"
// (Yeraze, 19 March 2008, http://www.yeraze.com/article.php/webservers_with_python_caching),
// ported to TypeScript bug for bug. Later chapters fix it one idea at a time; this file keeps
// the mistakes on purpose. Each one is marked BUG; what a fetch-style handler cannot reproduce
// is marked NOT PORTED, with why.
//
// What is certain and what is inferred. The post shows one method, do_GET, of
// `class MonitorServer(HTTPRequestHandler)`. Python 2.5 has no class of that name, so it was
// imported under another name. The method calls self.copyfile, which BaseHTTPRequestHandler
// does not define and SimpleHTTPRequestHandler does (SimpleHTTPServer.py; its subclass
// CGIHTTPRequestHandler inherits it); so, unless the class defined copyfile itself in code the
// post leaves out, it subclassed SimpleHTTPRequestHandler (inferred). This port assumes so, which decides two things: the
// Server header ("SimpleHTTP/0.6"), and HEAD, which SimpleHTTPRequestHandler's own do_HEAD
// answered from the process's working directory (see doHEAD). The Python version is not known
// either: 2.5.2 (21 February 2008) was the current release; where 2.5.1 differs, it is said.
//
// It serves a pretend Windows disk (server/files/windows-disk.ts), so its path bugs can reach a
// fake secret and nothing else. It reads the request target as the client sent it
// (server/request-target.ts): Python read the request line itself, and never saw it normalised.
import type { FileStore } from '../files/store';
import { WindowsDisk, FREEZERBURN_DIR, MONITOR_PATH } from '../files/windows-disk';
import { respond, type HeaderPairs, type WrittenBody } from '../http/respond';
import { requestTargetOrPath } from '../request-target';
import {
  dateTimeString,
  errorMessagePage,
  escapeAmpLtGt,
  guessType,
  normpathWords,
  ntJoin,
  ntTail,
  quote,
  simpleGuessType,
  unquote,
  urlparse,
} from './python25';
import type { Stage } from './stage';

// BaseHTTPRequestHandler.version_string(): the handler class's server_version, then Python's.
// SimpleHTTPRequestHandler's is "SimpleHTTP/0.6" (inferred base class, see above).
const SERVER = 'SimpleHTTP/0.6 Python/2.5.2';

// The working directory of the 2008 process, which SimpleHTTPRequestHandler served HEAD from.
// Not known. The code names the monitor folder by an absolute path (constants.MonitorPath)
// rather than relying on the working directory, which suggests the program was started
// elsewhere: most likely its own folder, which on the pretend disk is C:\FreezerBurn (a guess).
// Never the real process's working directory: the seed only ever sees the pretend disk.
export const WORKING_DIRECTORY = FREEZERBURN_DIR;

// #region seed-local-time
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

// A Python "naive" datetime (no zone) is kept here as its fields, stored in a UTC Date, so
// that comparing two of them compares wall-clock readings, as Python did.
type Naive = number;

// datetime.fromtimestamp(info[ST_MTIME]): info[ST_MTIME] is whole seconds (the stat tuple holds
// ints), read on the server's LOCAL clock: the process's time zone, or, when the stage is given
// one, a fixed UTC offset in minutes (the same bug, without changing the process's TZ).
function localWallClock(seconds: number, utcOffsetMinutes?: number): Naive {
  if (utcOffsetMinutes !== undefined) return (seconds + utcOffsetMinutes * 60) * 1000;
  const d = new Date(seconds * 1000);
  return naive(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());
}

// lastmod.strftime("%a, %d %b %Y %H:%M:%S GMT")
// BUG: the reading is LOCAL time, and the format labels it GMT. Every date is off by the
// server's UTC offset (early west of UTC, late east of it).
// %a and %b follow the process's LC_TIME locale. That stays "C" (English names) unless the
// program calls locale.setlocale, which Python 2.5 never does by itself: it breaks only if the
// program, or a library it loads, sets a non-English locale.
function formatLocalTimeAsGmt(t: Naive): string {
  const d = new Date(t);
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
}

// datetime.datetime.strptime(dt, "%a, %d %b %Y %H:%M:%S %Z"), as _strptime.py builds it: each
// space of the format matches any run of whitespace (2.5.2; 2.5.1 allowed none at all), the
// names ignore case, %d/%H/%M/%S take one or two digits, %S allows 60 and 61.
// BUG: only one of the three HTTP-date forms. The zone name is checked and then ignored, so the
// numbers are read as LOCAL time again: the round trip of the server's own echoed date hides
// the bug above. The day name is not checked against the date.
// NOT PORTED: %Z also accepted the machine's own zone names (time.tzname, on Windows e.g.
// "Central Standard Time"); this port cannot know them and accepts GMT and UTC only.
const WS = '[ \\t\\n\\r\\f\\v]+';
const STRPTIME = new RegExp(
  `^(mon|tue|wed|thu|fri|sat|sun),${WS}(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])${WS}` +
    `(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)${WS}(\\d\\d\\d\\d)${WS}` +
    `(2[0-3]|[01]\\d|\\d):([0-5]\\d|\\d):(6[01]|[0-5]\\d|\\d)${WS}(utc|gmt)$`,
  'i',
);

function parseAsLocalTime(text: string): Naive {
  const m = STRPTIME.exec(text);
  if (!m) throw new Error(`ValueError: time data did not match format:  data=${text}`);
  const [year, month, day] = [+m[4]!, MONTHS.findIndex((name) => name.toLowerCase() === m[3]!.toLowerCase()), +m[2]!];
  const [hour, minute, second] = [+m[5]!, +m[6]!, +m[7]!];
  // datetime refuses what does not exist: year 0, 31 February, second 60 or 61. (Hour 24 and
  // minute 60 never got past the pattern.) A JavaScript Date would roll them over instead.
  if (year < 1 || day > daysInMonth(year, month)) throw new Error('ValueError: day is out of range for month');
  if (second > 59) throw new Error('ValueError: second must be in 0..59');
  return naive(year, month, day, hour, minute, second);
}

function naive(year: number, month: number, day: number, hour: number, minute: number, second: number): Naive {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day); // not Date.UTC: it reads years 0-99 as 1900-1999
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month + 1, 0);
  return d.getUTCDate();
}
// #endregion

// NOT PORTED: a header sent twice. Python's rfc822 parser kept the last line's value; the
// fetch Headers here join both with ", " (so two If-Modified-Since dates never parse).
// NOT PORTED, because node:http, not the stage, owns the connection:
// - Python answered "HTTP/1.0" (BaseHTTPRequestHandler.protocol_version) and closed the
//   connection after every response, so each request of a page needed a new connection; node
//   answers in the client's version (1.1) and keeps the connection open.
// - HTTPServer served one request at a time, with 5 connections allowed to wait in the listen
//   backlog (SocketServer.TCPServer.request_queue_size); node serves many at once.
export interface SeedOptions {
  /**
   * The 2008 machine's clock as a fixed offset from UTC, in minutes (Tokyo: +540). Without it the
   * seed reads the process's own time zone (TZ), as Python did.
   */
  utcOffsetMinutes?: number;
}

export function seedStage(files: FileStore, options: SeedOptions = {}): Stage {
  const disk = new WindowsDisk(files);

  return async (request) => {
    // BaseHTTPRequestHandler.handle_one_request: a request FOO is answered by do_FOO.
    if (request.method === 'GET') return doGET(request);
    if (request.method === 'HEAD') return doHEAD(request);
    return sendError(request, 501, `Unsupported method ('${request.method}')`);
  };

  // #region seed-handler
  async function doGET(request: Request): Promise<Response> {
    const selfPath = requestTargetOrPath(request); // self.path: the target as the client sent it
    const { scheme, path, fragment } = urlparse(selfPath, 'http');
    // A fragment, or a scheme other than http ("https://host/x" as the target): 400.
    if (scheme !== 'http' || fragment) return sendError(request, 400, `bad url ${selfPath}`);

    if (path === '/') return indexPage();
    if (path === '/job') return jobPage();

    // BUG: keep only the last segment, and join it with a Windows separator. It strips "/../",
    // but "..\\..\\x" climbs (a raw "\\" reaches the stage as sent, as it reached Python; a
    // browser would have turned it into "/"), ".." alone names a folder, and nothing is
    // percent-decoded, so "my%20file.css" is never found.
    const name = path.split('/').pop() ?? '';
    const filePath = monitorPathFor(path);

    if (await disk.exists(filePath)) { // BUG: a folder "exists" too
      const ctype = guessType(name); // BUG: can be None, and is sent as "None"
      const info = await disk.stat(filePath);
      const lastmod = localWallClock(Math.floor(info.mtimeMs / 1000), options.utcOffsetMinutes);

      // BUG: ANY If-None-Match gets 304, though this server never sends an ETag.
      if (request.headers.get('If-None-Match')) {
        return notModified(); // send_response(304), then return: no end_headers() (see below)
      }
      if (request.headers.get('If-Modified-Since')) {
        const dt = request.headers.get('If-Modified-Since')!.split(';')[0]!;
        try {
          const modsince = parseAsLocalTime(dt);
          // BUG: compares wall-clock readings. When the clocks go back for winter, an hour
          // repeats: a file edited in the second pass of it looks OLDER than a copy taken in
          // the first, and the stale copy gets a 304.
          if (modsince >= lastmod) return notModified();
        } catch {
          // BUG: a bare `except: pass` swallows every failure, silently.
        }
      }

      // BUG: ten days of freshness, and an Expires date written by hand. In March 2008 it was
      // 682 days ahead; it is also malformed: 30 January 2010 was a Saturday, not a Friday
      // (RFC 5322, 3.3: the day name must be the day of the date). max-age wins over Expires
      // anyway (RFC 9111, 5.3), so for ten days a browser reuses its copy, edited or not.
      const headers: HeaderPairs = [
        ['Server', SERVER], // send_response(200) wrote these two itself
        ['Date', dateTimeString()],
        ['Cache-Control', 'max-age=864000'],
        ['Expires', 'Fri, 30 Jan 2010 12:00:00 GMT'],
        ['Content-Length', String(info.size)],
        ['Last-Modified', formatLocalTimeAsGmt(lastmod)],
        ['Content-Type', String(ctype ?? 'None')],
      ];
      // self.end_headers(), then self.copyfile(open(path, 'rb'), self.wfile).
      // BUG: the status line and every header are already on the wire (wfile is unbuffered)
      // when open() runs. For a folder open() fails: the client has a complete 200 with
      // Content-Length: 0 (a folder's size), Content-Type: None and ten days of max-age, an
      // empty page it keeps; the traceback goes to the server's console.
      // (The file is never closed by the code; CPython closes it as soon as copyfile returns,
      // when nothing refers to it any more. Our reader closes it too.)
      let body: WrittenBody;
      try {
        body = await disk.read(filePath);
      } catch (error) {
        console.error(`[seed] GET ${selfPath}: ${(error as Error).message} (after the 200 was sent)`);
        body = null;
      }
      return respond(200, headers, body);
    }
    // The request target is echoed into the error page, and into the status line too
    // ("HTTP/1.0 404 Unknown url /..."). Python 2.5's send_error escaped & < > in the page
    // (its _quote_html; 2.4.0 and 2.4.1 did not, 2.4.2 fixed it): a server that builds such a
    // page without escaping hands every visitor's browser to whoever writes the link.
    return sendError(request, 404, `Unknown url ${selfPath}`);
  }
  // #endregion

  // SimpleHTTPRequestHandler.do_HEAD: send_head() on the working directory, with none of
  // MonitorServer's rules (inferred base class, see the top of this file).
  // BUG: so HEAD answers for a different folder than GET: HEAD /monitor.css is a 404, while
  // HEAD /secret.txt is a 200 that tells anyone the file is there and how long it is (a HEAD
  // carries no body, so not what it says). Its Last-Modified is real GMT (date_time_string),
  // unlike GET's. It does percent-decode, and it cannot climb: ".." and drives are dropped.
  async function doHEAD(request: Request): Promise<Response> {
    const selfPath = requestTargetOrPath(request);
    let path = translatePath(selfPath);
    if (await disk.isDir(path)) {
      if (!selfPath.endsWith('/')) {
        return respond(301, [['Server', SERVER], ['Date', dateTimeString()], ['Location', selfPath + '/']]);
      }
      const index = ['index.html', 'index.htm'].map((name) => ntJoin(path, name));
      const found = (await Promise.all(index.map((p) => disk.exists(p)))).indexOf(true);
      if (found < 0) return listDirectory(path, selfPath);
      path = index[found]!;
    }
    const ctype = simpleGuessType(path);
    // open(path, mode), then os.fstat on it; do_HEAD closes it unread. (Only a missing file
    // fails here: folders were dealt with above.)
    if (!(await disk.exists(path))) return sendError(request, 404, 'File not found');
    const info = await disk.stat(path);
    return respond(200, [
      ['Server', SERVER],
      ['Date', dateTimeString()],
      ['Content-type', ctype],
      ['Content-Length', String(info.size)],
      ['Last-Modified', dateTimeString(info.mtimeMs)],
    ]);
  }

  // SimpleHTTPRequestHandler.translate_path: query, fragment and ;params cut off, percent-decoded,
  // dot segments resolved, then each word's last part joined to the working directory.
  function translatePath(selfPath: string): string {
    let path = WORKING_DIRECTORY;
    for (const word of normpathWords(unquote(urlparse(selfPath).path))) {
      const tail = ntTail(word);
      if (tail === '.' || tail === '..') continue;
      path = ntJoin(path, tail);
    }
    return path;
  }

  // SimpleHTTPRequestHandler.list_directory: for HEAD only its length matters, but that depends
  // on every byte, so the page is built as Python built it.
  async function listDirectory(path: string, selfPath: string): Promise<Response> {
    const names = (await disk.list(path)).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
    const displayPath = escapeAmpLtGt(unquote(selfPath));
    let page = `<title>Directory listing for ${displayPath}</title>\n<h2>Directory listing for ${displayPath}</h2>\n<hr>\n<ul>\n`;
    for (const name of names) {
      const isDir = await disk.isDir(ntJoin(path, name));
      const shown = isDir ? `${name}/` : name;
      page += `<li><a href="${quote(shown)}">${escapeAmpLtGt(shown)}</a>\n`;
    }
    page += '</ul>\n<hr>\n';
    const length = new TextEncoder().encode(page).length;
    return respond(200, [['Server', SERVER], ['Date', dateTimeString()], ['Content-type', 'text/html'], ['Content-Length', String(length)]]);
  }
}

// #region seed-path
/** path.split('/')[-1], joined to the monitor folder with a backslash. */
export function monitorPathFor(path: string): string {
  return MONITOR_PATH + '\\' + (path.split('/').pop() ?? '');
}
// #endregion

// self.send_response(304); return
// send_response wrote the status line, Server and Date, and nothing ended the header block.
// NOT PORTED: that missing blank line. Python's answer ended only because the connection
// closed; node always ends the header block.
function notModified(): Response {
  return respond(304, [['Server', SERVER], ['Date', dateTimeString()]]);
}

// BaseHTTPRequestHandler.send_error(code, message): the message goes into the status line as
// it is and into the page escaped; no Content-Length; the connection is closed after it; a HEAD
// gets the headers only. NOT PORTED exactly: node adds a Content-Length to a body it is given
// whole, so the page's end is known without the close (the log shows the field as sent).
function sendError(request: Request, code: number, message: string): Response {
  const headers: HeaderPairs = [
    ['Server', SERVER],
    ['Date', dateTimeString()],
    ['Content-Type', 'text/html'],
    ['Connection', 'close'],
  ];
  const body = request.method === 'HEAD' ? null : errorMessagePage(code, message);
  return respond(code, headers, body, message);
}

// The original wrote its index page from a string in the code ("blah blah"), with no status line
// at all. NOT PORTED: a fetch-style handler always sends one. Here: a small generated page.
function indexPage(): Response {
  const html =
    `<!doctype html>\n<html><head><title>FreezerBurn monitor</title>` +
    `<link rel="stylesheet" href="monitor.css"></head>\n<body><h1>FreezerBurn monitor</h1>` +
    `<p>Generated by the seed server at ${new Date().toISOString()}.</p>` +
    `<p><a href="index.html">The monitoring page</a> · <a href="job">Jobs</a></p>` +
    `<script src="monitor.js"></script></body></html>\n`;
  return respond(200, { Server: SERVER, 'Content-Type': 'text/html' }, html);
}

// "/job" was generated too ("blah blah blah" in the post, which does not say what FreezerBurn's
// jobs were). Here: an invented line.
function jobPage(): Response {
  return respond(200, { Server: SERVER, 'Content-Type': 'text/plain' }, 'job 17: running, 63%\n');
}
