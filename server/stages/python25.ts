// What Python 2.5's standard library did for the 2008 server, ported only as far as the seed
// needs it. Read in CPython 2.5's Lib/ (the Windows 2.5.1 distribution and the 2.5.6 sources;
// BaseHTTPServer.py, SimpleHTTPServer.py, urlparse.py, urllib.py, posixpath.py, ntpath.py,
// mimetypes.py, _strptime.py, cgi.py). Where 2.5.1 and 2.5.2 differ, this follows 2.5.2 (the
// release current in March 2008) and says so; which one the author ran is not known.
//
// Strings here stand for Python 2 byte strings: one character per byte.

// ---- urlparse.urlparse (urlparse.py) -----------------------------------------------------------

const USES_NETLOC = new Set(['ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms', 'https', 'shttp', 'snews', 'prospero', 'rtsp', 'rtspu', 'rsync', '', 'svn', 'svn+ssh', 'sftp']);
const USES_PARAMS = new Set(['ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtspu', 'sip', 'sips', 'mms', '', 'sftp']);
const USES_QUERY = new Set(['http', 'wais', 'imap', 'https', 'shttp', 'mms', 'gopher', 'rtsp', 'rtspu', 'sip', 'sips', '']);
const USES_FRAGMENT = new Set(['ftp', 'hdl', 'http', 'gopher', 'news', 'nntp', 'wais', 'https', 'shttp', 'snews', 'file', 'prospero', '']);
const SCHEME_CHARS = /^[A-Za-z0-9+\-.]+$/;

export interface UrlParts {
  scheme: string;
  netloc: string;
  path: string;
  params: string;
  query: string;
  fragment: string;
}

/** urlparse.urlparse(url, scheme): no decoding, no dot segments resolved, just cut into parts. */
export function urlparse(url: string, defaultScheme = ''): UrlParts {
  let scheme = defaultScheme;
  let netloc = '';
  let query = '';
  let fragment = '';
  let rest = url;
  const colon = rest.indexOf(':');
  if (colon > 0) {
    const head = rest.slice(0, colon);
    if (head === 'http' || SCHEME_CHARS.test(head)) {
      scheme = head.toLowerCase();
      rest = rest.slice(colon + 1);
    }
  }
  if (USES_NETLOC.has(scheme) && rest.startsWith('//')) [netloc, rest] = splitNetloc(rest);
  if (USES_FRAGMENT.has(scheme)) [rest, fragment] = splitOnce(rest, '#', fragment);
  if (USES_QUERY.has(scheme)) [rest, query] = splitOnce(rest, '?', query);
  let params = '';
  if (USES_PARAMS.has(scheme) && rest.includes(';')) {
    const semicolon = rest.includes('/') ? rest.indexOf(';', rest.lastIndexOf('/')) : rest.indexOf(';');
    if (semicolon >= 0) [rest, params] = [rest.slice(0, semicolon), rest.slice(semicolon + 1)];
  }
  return { scheme, netloc, path: rest, params, query, fragment };
}

/** _splitnetloc as of 2.5.2 (the earliest of "/", "?", "#" ends the host; 2.5.1 took "/" first). */
function splitNetloc(url: string): [string, string] {
  const ends = ['/', '?', '#'].map((c) => url.indexOf(c, 2)).filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) : url.length;
  return [url.slice(2, end), url.slice(end)];
}

function splitOnce(text: string, separator: string, otherwise: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, otherwise] : [text.slice(0, at), text.slice(at + 1)];
}

// ---- urllib.unquote, urllib.quote, cgi.escape ----------------------------------------------------

/** urllib.unquote: every "%XX" with two hex digits becomes that byte; anything else is left. */
export function unquote(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** urllib.quote(s, safe='/'): letters, digits, "_.-" and "/" stay, every other byte is %XX. */
export function quote(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.\-/]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** cgi.escape(s) and BaseHTTPServer's _quote_html: &, < and > only (quotes are left as they are). */
export function escapeAmpLtGt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// ---- Paths: posixpath.normpath, ntpath.split and ntpath.join, as translate_path used them ----------

/** The words of posixpath.normpath(path).split('/'), empty ones left out. */
export function normpathWords(path: string): string[] {
  const rooted = path.startsWith('/');
  const words: string[] = [];
  for (const word of path.split('/')) {
    if (word === '' || word === '.') continue;
    if (word !== '..' || (!rooted && words.length === 0) || words[words.length - 1] === '..') words.push(word);
    else if (words.length) words.pop();
  }
  return words;
}

/**
 * os.path.split(os.path.splitdrive(word)[1])[1] on Windows: the part after the last / or \.
 * (ntpath.split takes a drive off again, so "C:D:x" loses both.)
 */
export function ntTail(word: string): string {
  const noDrive = (p: string) => (p.charAt(1) === ':' ? p.slice(2) : p);
  const rest = noDrive(noDrive(word));
  return rest.slice(Math.max(rest.lastIndexOf('/'), rest.lastIndexOf('\\')) + 1);
}

/** ntpath.join(path, name) for a name with no separators in it. */
export function ntJoin(path: string, name: string): string {
  if (/[/\\:]$/.test(path)) return path + name;
  return path + '\\' + name;
}

// ---- mimetypes ----------------------------------------------------------------------------------

// mimetypes.py's built-in types_map, for the common web types only (on Windows, Python 2.5 read
// no system mime.types: its knownfiles are Unix paths). NOT PORTED: the rest of the table;
// an extension missing here gives None, though Python 2.5 may have known it.
const TYPES_MAP: Record<string, string> = {
  '.avi': 'video/x-msvideo',
  '.bmp': 'image/x-ms-bmp',
  '.css': 'text/css',
  '.gif': 'image/gif',
  '.htm': 'text/html',
  '.html': 'text/html',
  '.jpe': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.js': 'application/x-javascript', // BUG (of its time): not the text/javascript browsers expect today
  '.mp3': 'audio/mpeg',
  '.mpeg': 'video/mpeg',
  '.mpg': 'video/mpeg',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.swf': 'application/x-shockwave-flash',
  '.tar': 'application/x-tar',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.txt': 'text/plain',
  '.wav': 'audio/x-wav',
  '.xml': 'text/xml',
  '.xsl': 'application/xml',
  '.zip': 'application/zip',
};
const SUFFIX_MAP: Record<string, string> = { '.tgz': '.tar.gz', '.taz': '.tar.gz', '.tz': '.tar.gz' };
const ENCODINGS_MAP: Record<string, string> = { '.gz': 'gzip', '.Z': 'compress' };

/** posixpath.splitext as of 2.5: the last "." after the last "/", even at the start ("..", ".css"). */
function splitext(path: string): [string, string] {
  const dot = path.lastIndexOf('.');
  return dot <= path.lastIndexOf('/') ? [path, ''] : [path.slice(0, dot), path.slice(dot)];
}

/** mimetypes.guess_type(name)[0]: a type, or null where Python said None. */
export function guessType(name: string): string | null {
  let [base, ext] = splitext(name);
  while (ext in SUFFIX_MAP) [base, ext] = splitext(base + SUFFIX_MAP[ext]);
  if (ext in ENCODINGS_MAP) [base, ext] = splitext(base);
  return TYPES_MAP[ext] ?? TYPES_MAP[ext.toLowerCase()] ?? null;
}

/** SimpleHTTPRequestHandler.guess_type: the same table, .py .c .h as text, octet-stream otherwise. */
export function simpleGuessType(path: string): string {
  const [, ext] = splitext(path);
  const map: Record<string, string> = { ...TYPES_MAP, '': 'application/octet-stream', '.py': 'text/plain', '.c': 'text/plain', '.h': 'text/plain' };
  return map[ext] ?? map[ext.toLowerCase()] ?? map['']!;
}

// ---- time ---------------------------------------------------------------------------------------

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** BaseHTTPRequestHandler.date_time_string(t): time.gmtime, so this one is really GMT. */
export function dateTimeString(ms: number = Date.now()): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).padStart(4, ' ')} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
}

// ---- BaseHTTPServer's error page ----------------------------------------------------------------

/** BaseHTTPRequestHandler.responses: the short message and the explanation, for the codes used. */
export const RESPONSES: Record<number, [string, string]> = {
  200: ['OK', 'Request fulfilled, document follows'],
  301: ['Moved Permanently', 'Object moved permanently -- see URI list'],
  304: ['Not Modified', 'Document has not changed since given time'],
  400: ['Bad Request', 'Bad request syntax or unsupported method'],
  404: ['Not Found', 'Nothing matches the given URI'],
  501: ['Not Implemented', 'Server does not support this operation'],
};

/** DEFAULT_ERROR_MESSAGE, filled in as send_error filled it (the message escaped by _quote_html). */
export function errorMessagePage(code: number, message: string): string {
  return (
    `<head>\n<title>Error response</title>\n</head>\n<body>\n<h1>Error response</h1>\n` +
    `<p>Error code ${code}.\n<p>Message: ${escapeAmpLtGt(message)}.\n` +
    `<p>Error code explanation: ${code} = ${RESPONSES[code]?.[1] ?? '???'}.\n</body>\n`
  );
}
