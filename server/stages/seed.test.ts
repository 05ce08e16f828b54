// The seed is the 2008 server with its bugs kept on purpose: these tests prove each bug is there,
// and that what the port claims about 2008 is what the port does.
import { mkdir, readdir, readlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { respond } from '../http/respond';
import { FAKE_SECRET, WindowsDisk } from '../files/windows-disk';
import { formatHttpDate, parseHttpDate } from '../http/http-date';
import { startCli } from '../testing/cli';
import { makeFixture, SECRET, type Fixture } from '../testing/fixture';
import { rawRequest, serve, type Running } from '../testing/serve';
import { findStage } from './index';
import { dateTimeString } from './python25';
import { monitorPathFor, seedStage } from './seed';
import { diskStore } from '../files/disk-store';

let fixture: Fixture;
let server: Running;
const MTIME = new Date(Date.UTC(2008, 2, 19, 20, 32, 0)); // the post: 03:32 PM CDT, 19 March 2008

beforeAll(async () => {
  fixture = await makeFixture();
  await utimes(path.join(fixture.root, 'monitor.css'), MTIME, MTIME);
  await writeFile(path.join(fixture.root, 'my file.css'), 'body {}');
  await mkdir(path.join(fixture.root, 'css'));
  server = await serve(seedStage(diskStore(fixture.root)));
});
afterAll(async () => {
  await server.close();
  await fixture.remove();
});

/** A raw exchange, taken apart: the status line, the header lines in order, the body. */
async function raw(target: string, method = 'GET', headers = ''): Promise<{ statusLine: string; headers: [string, string][]; body: string }> {
  // "Connection: close": the answer ends when the server closes; the wait is only a backstop.
  const text = await rawRequest(server.port, `${method} ${target} HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`, 10_000);
  const end = text.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  return {
    statusLine: statusLine!,
    headers: lines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
    body: text.slice(end + 4),
  };
}
const header = (r: { headers: [string, string][] }, name: string) => r.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const ims = (date: string) => `If-Modified-Since: ${date}\r\n`;

describe('seed: what worked in 2008', () => {
  it('serves the monitoring page and its assets', async () => {
    const response = await fetch(`${server.url}/monitor.css`);
    expect(response.status).toBe(200);
    expect((await response.text()).length).toBe(615);
  });

  it('says what it is, as SimpleHTTPRequestHandler did: Server and Date first (send_response)', async () => {
    const r = await raw('/monitor.css');
    expect(r.headers.slice(0, 2).map(([name]) => name)).toEqual(['Server', 'Date']);
    expect(header(r, 'Server')).toBe('SimpleHTTP/0.6 Python/2.5.2');
    expect(r.headers.slice(2, 7).map(([name]) => name)).toEqual(['Cache-Control', 'Expires', 'Content-Length', 'Last-Modified', 'Content-Type']);
  });

  it('answers 304 to its own echoed Last-Modified', async () => {
    const echoed = (await fetch(`${server.url}/monitor.css`)).headers.get('last-modified')!;
    expect((await fetch(`${server.url}/monitor.css`, { headers: { 'If-Modified-Since': echoed } })).status).toBe(304);
  });

  it('finds a file whatever the case of its name, as Windows does', async () => {
    const r = await raw('/MONITOR.CSS');
    expect(r.statusLine).toBe('HTTP/1.1 200 OK');
    expect(r.body.length).toBe(615);
    expect(header(r, 'Content-Type')).toBe('text/css'); // mimetypes tries ".CSS", then ".css"
  });
});

describe('seed: the bugs, present', () => {
  it('answers 304 to ANY If-None-Match, though it never sends an ETag', async () => {
    const plain = await fetch(`${server.url}/monitor.css`);
    expect(plain.headers.get('etag')).toBeNull();
    const response = await fetch(`${server.url}/monitor.css`, { headers: { 'If-None-Match': '"made-up"' } });
    expect(response.status).toBe(304);
  });

  it('its 304 carries what send_response wrote: Server and Date, nothing else of its own', async () => {
    const r = await raw('/monitor.css', 'GET', 'If-None-Match: x\r\n');
    expect(r.statusLine).toBe('HTTP/1.1 304 Not Modified');
    expect(r.headers.slice(0, 2).map(([name]) => name)).toEqual(['Server', 'Date']);
    expect(r.headers.slice(2).map(([name]) => name)).toEqual(['Connection']); // node's
  });

  it('sends ten days of max-age and a hand-written Expires: 682 days ahead in March 2008, with the wrong day name', async () => {
    const response = await fetch(`${server.url}/monitor.css`);
    expect(response.headers.get('cache-control')).toBe('max-age=864000');
    const expires = response.headers.get('expires')!;
    expect(expires).toBe('Fri, 30 Jan 2010 12:00:00 GMT');
    // By the calendar, from the day of the post (19 March 2008) to 30 January 2010.
    expect((Date.UTC(2010, 0, 30) - Date.UTC(2008, 2, 19)) / 86_400_000).toBe(682);
    // 30 January 2010 was a Saturday: "Fri" does not match the date (RFC 5322, 3.3).
    expect(new Date(Date.UTC(2010, 0, 30)).getUTCDay()).toBe(6);
    expect(expires.startsWith('Sat')).toBe(false);
  });

  it('sends "Content-Type: None" for a file type Python did not know', async () => {
    expect((await fetch(`${server.url}/VERSION`)).headers.get('content-type')).toBe('None');
  });

  it('sends Python 2.5’s type for JavaScript: application/x-javascript', async () => {
    expect((await fetch(`${server.url}/monitor.js`)).headers.get('content-type')).toBe('application/x-javascript');
  });

  it('keeps only the last path segment', async () => {
    expect((await fetch(`${server.url}/any/folder/at/all/monitor.css`)).status).toBe(200);
  });

  it('does not percent-decode: "my%20file.css" is never found', async () => {
    expect((await fetch(`${server.url}/my%20file.css`)).status).toBe(404);
  });

  it('answers 400 "bad url" to a fragment or a scheme other than http, as urlparse read them', async () => {
    for (const target of ['/monitor.css#x', 'https://example.com/monitor.css']) {
      const r = await raw(target);
      expect(r.statusLine, target).toBe(`HTTP/1.1 400 bad url ${target}`);
      expect(r.body, target).toContain(`Message: bad url ${target}.`);
    }
    // An empty fragment is no fragment; an absolute http:// target is fine.
    expect((await raw('/monitor.css#')).statusLine).toBe('HTTP/1.1 200 OK');
    expect((await raw('http://example.com/monitor.css')).statusLine).toBe('HTTP/1.1 200 OK');
  });

  it('accepts a "; length=N" suffix but not the obsolete date forms', async () => {
    // monitor.css was modified at 20:32:00 UTC; the seed reads dates as local time, so use a date
    // well after that in every zone.
    const status = async (date: string) => Number((await raw('/monitor.css', 'GET', ims(date))).statusLine.slice(9, 12));
    expect(await status('Sat, 22 Mar 2008 00:00:00 GMT; length=615')).toBe(304);
    expect(await status('Saturday, 22-Mar-08 00:00:00 GMT')).toBe(200);
    expect(await status('Sat Mar 22 00:00:00 2008')).toBe(200);
  });

  it('parses If-Modified-Since as Python 2.5’s strptime did, not as a JavaScript Date would', async () => {
    const status = async (date: string) => Number((await raw('/monitor.css', 'GET', ims(date))).statusLine.slice(9, 12));
    // Later than the file in every zone: a 304.
    expect(await status('Sat, 22 Mar 2008 00:00:00 GMT')).toBe(304);
    // The day name is not checked against the date (22 March 2008 was a Saturday).
    expect(await status('Mon, 22 Mar 2008 00:00:00 GMT')).toBe(304);
    // Names in any case; any run of whitespace for a space (2.5.2's "\s+"); one-digit fields.
    expect(await status('sat, 22 mar 2008 00:00:00 gmt')).toBe(304);
    expect(await status('Sat,  22  Mar 2008 0:0:0 UTC')).toBe(304);
    // Refused by Python, so the header is ignored and the answer is a 200. A Date would roll each
    // of these over into a later, valid time, and answer 304.
    for (const date of [
      'Sat, 22 Mar 2008 24:00:00 GMT', // hour 24
      'Sat, 22 Mar 2008 23:60:00 GMT', // minute 60
      'Sat, 22 Mar 2008 23:59:60 GMT', // second 60: matched by %S, refused by datetime()
      'Sat, 31 Apr 2008 00:00:00 GMT', // 31 April
      'Sat, 00 May 2008 00:00:00 GMT', // day 0
      'Sat, 01 Jan 0000 00:00:00 GMT', // year 0
    ]) {
      expect(await status(date), date).toBe(200);
    }
    // A zone other than GMT or UTC is refused (the machine's own zone names are not ported), and
    // so is anything after the zone: split(';') leaves the space before ";" in place.
    for (const date of ['Sat, 22 Mar 2008 00:00:00 EST', 'Sat, 22 Mar 2008 00:00:00 +0000', 'Sat, 22 Mar 2008 00:00:00 GMT ; length=615']) {
      expect(await status(date), date).toBe(200);
    }
  });

  it('swallows every parse failure with its bare except: a full 200, and not a word in the server’s output', async () => {
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => {}));
    try {
      for (const date of ['garbage', 'Wednesday, 19-Mar-08 20:32:00 GMT', 'Sat, 31 Apr 2008 00:00:00 GMT', 'Sat, 22 Mar 2008 00:00:00 EST']) {
        const r = await raw('/monitor.css', 'GET', ims(date));
        expect(r.statusLine, date).toBe('HTTP/1.1 200 OK');
        expect(r.body.length, date).toBe(615);
      }
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('answers a folder with a complete, empty 200 that is fresh for ten days (open failed after the headers)', async () => {
    for (const target of ['/css', '/..;x', '/x/..']) {
      const r = await raw(target);
      expect(r.statusLine, target).toBe('HTTP/1.1 200 OK');
      expect(header(r, 'Content-Length'), target).toBe('0');
      expect(header(r, 'Content-Type'), target).toBe('None');
      expect(header(r, 'Cache-Control'), target).toBe('max-age=864000');
      expect(r.body, target).toBe('');
    }
  });

  it('echoes the request target into its 404: raw in the status line, escaped in the page', async () => {
    // Sent raw: a browser would percent-encode "<" and ">", and the page would show nothing to escape.
    const r = await raw('/<b>x</b>');
    expect(r.statusLine).toBe('HTTP/1.1 404 Unknown url /<b>x</b>');
    expect(header(r, 'Connection')).toBe('close');
    expect(r.body).toContain('<p>Message: Unknown url /&lt;b&gt;x&lt;/b&gt;.');
    expect(r.body).not.toContain('<b>');
    expect((await raw('/a&b')).body).toContain('Unknown url /a&amp;b.');
  });

  it('answers other methods 501, with the method in the message', async () => {
    const r = await raw('/monitor.css', 'POST', 'Content-Length: 0\r\n');
    expect(r.statusLine).toBe("HTTP/1.1 501 Unsupported method ('POST')");
  });

  it('would climb out with a backslash path: the join reaches the fake secret', async () => {
    const disk = new WindowsDisk(diskStore(fixture.root));
    const filePath = monitorPathFor('/..\\secret.txt');
    expect(filePath).toBe('C:\\FreezerBurn\\monitor\\..\\secret.txt');
    const body = await respond(200, {}, await disk.read(filePath)).text();
    expect(body).toBe(FAKE_SECRET);
  });

  it('climbs out for real with a raw backslash request: the fake secret comes back', async () => {
    // The target reaches the stage as sent (server/adapter-target.ts): the bug happens.
    const text = await rawRequest(server.port, 'GET /..\\secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toContain(FAKE_SECRET);
    expect(text).not.toContain(SECRET); // the pretend disk, never the real one beside the root
  });

  it('closes the files it opens (CPython closed them as copyfile returned)', async () => {
    for (let i = 0; i < 10; i++) {
      await (await fetch(`${server.url}/monitor.css`)).text();
      await (await fetch(`${server.url}/load-graph.png`)).arrayBuffer();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const open: string[] = [];
    for (const fd of await readdir('/proc/self/fd')) {
      const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
      if (target.startsWith(fixture.dir)) open.push(target);
    }
    expect(open).toEqual([]);
  });
});

describe('seed: HEAD, as SimpleHTTPRequestHandler answered it (inferred base class)', () => {
  // Served from the 2008 process's working directory, simulated as C:\FreezerBurn: never the
  // folder of this test process (which holds package.json).
  it('answers for the working directory, not the monitor folder', async () => {
    const css = await raw('/monitor.css', 'HEAD');
    expect(css.statusLine).toBe('HTTP/1.1 404 File not found');
    const inside = await raw('/monitor/monitor.css', 'HEAD');
    expect(inside.statusLine).toBe('HTTP/1.1 200 OK');
    expect(inside.headers.map(([name]) => name).slice(0, 5)).toEqual(['Server', 'Date', 'Content-type', 'Content-Length', 'Last-Modified']);
    expect(header(inside, 'Content-type')).toBe('text/css');
    expect(header(inside, 'Content-Length')).toBe('615');
    // date_time_string uses gmtime: this Last-Modified is real GMT, whatever the server's zone.
    expect(header(inside, 'Last-Modified')).toBe('Wed, 19 Mar 2008 20:32:00 GMT');
    expect(inside.body).toBe('');
    expect((await raw('/package.json', 'HEAD')).statusLine).toBe('HTTP/1.1 404 File not found');
  });

  it('tells anyone the fake secret is there, and its length, but not what it says', async () => {
    for (const target of ['/secret.txt', '/monitor/%2e%2e/secret.txt', '/SECRET.TXT?x#y']) {
      const r = await raw(target, 'HEAD');
      expect(r.statusLine, target).toBe('HTTP/1.1 200 OK');
      expect(header(r, 'Content-Length'), target).toBe(String(FAKE_SECRET.length));
      expect(header(r, 'Content-type'), target).toBe('text/plain');
      expect(r.body, target).not.toContain('hunter2');
    }
  });

  it('cannot climb out of the working directory', async () => {
    for (const target of ['/../../Windows/win.ini', '/%2e%2e/%2e%2e/x', '/C:/x', '/..%5c..%5cx']) {
      expect((await raw(target, 'HEAD')).statusLine, target).toBe('HTTP/1.1 404 File not found');
    }
  });

  it('redirects a folder without its slash, and lists one with it (only the length shows)', async () => {
    const redirect = await raw('/monitor', 'HEAD');
    expect(redirect.statusLine).toBe('HTTP/1.1 301 Moved Permanently');
    expect(header(redirect, 'Location')).toBe('/monitor/');
    const listing =
      '<title>Directory listing for /</title>\n<h2>Directory listing for /</h2>\n<hr>\n<ul>\n' +
      '<li><a href="monitor/">monitor/</a>\n<li><a href="passwords-backup.txt">passwords-backup.txt</a>\n' +
      '<li><a href="secret.txt">secret.txt</a>\n</ul>\n<hr>\n';
    const root = await raw('/', 'HEAD');
    expect(root.statusLine).toBe('HTTP/1.1 200 OK');
    expect(header(root, 'Content-type')).toBe('text/html');
    expect(header(root, 'Content-Length')).toBe(String(listing.length));
    // A folder with an index.html answers for that file.
    const monitor = await raw('/monitor/', 'HEAD');
    expect(header(monitor, 'Content-type')).toBe('text/html');
    expect(header(monitor, 'Content-Length')).toBe(String((await (await fetch(`${server.url}/index.html`)).arrayBuffer()).byteLength));
  });
});

describe('seed: local time labelled GMT', () => {
  // Started as a real process, so the zone is the process's own, as on the 2008 machine.
  async function inZone<T>(timeZone: string, run: (url: string) => Promise<T>): Promise<T> {
    const cli = await startCli(['--stage', 'seed', '--root', fixture.root], { TZ: timeZone });
    try {
      return await run(cli.url);
    } finally {
      await cli.stop();
    }
  }
  const lastModified = async (url: string, name: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/${name}`, { headers });
    return { status: response.status, date: response.headers.get('last-modified') };
  };
  const touch = (name: string, time: Date) => utimes(path.join(fixture.root, name), time, time);

  it('east of UTC every date is late by the offset, in the future only for a file changed within it; the echo hides it', async () => {
    await inZone('Asia/Tokyo', async (url) => { // UTC+9, no summer time
      const sent = (await lastModified(url, 'monitor.css')).date!;
      expect(sent).toBe('Thu, 20 Mar 2008 05:32:00 GMT'); // 20:32 UTC is 05:32 the next day in Tokyo
      expect(parseHttpDate(sent)! - MTIME.getTime()).toBe(9 * 3600 * 1000);
      expect((await lastModified(url, 'monitor.css', { 'If-Modified-Since': sent })).status).toBe(304);

      await touch('monitor.js', new Date());
      expect(parseHttpDate((await lastModified(url, 'monitor.js')).date!)!).toBeGreaterThan(Date.now() + 8 * 3600 * 1000);
      await touch('monitor.js', new Date(Date.now() - 10 * 3600 * 1000));
      expect(parseHttpDate((await lastModified(url, 'monitor.js')).date!)!).toBeLessThan(Date.now());
    });
  }, 30_000);

  it('in Chicago in March 2008 (CDT, UTC-5), every date is five hours early', async () => {
    await inZone('America/Chicago', async (url) => {
      expect((await lastModified(url, 'monitor.css')).date).toBe('Wed, 19 Mar 2008 15:32:00 GMT');
    });
  }, 30_000);

  it('compares wall-clock readings: when the clocks go back, a stale copy gets a 304', async () => {
    await writeFile(path.join(fixture.root, 'dst.css'), 'a {}');
    await inZone('America/Chicago', async (url) => {
      // 2 November 2008: at 02:00 CDT the clocks went back to 01:00 CST, so 01:00-01:59 came twice.
      await touch('dst.css', new Date(Date.UTC(2008, 10, 2, 6, 30))); // 01:30 CDT, the first pass
      const first = (await lastModified(url, 'dst.css')).date!;
      expect(first).toBe('Sun, 02 Nov 2008 01:30:00 GMT');
      await touch('dst.css', new Date(Date.UTC(2008, 10, 2, 7, 10))); // 01:10 CST, 40 minutes later
      expect((await lastModified(url, 'dst.css')).date).toBe('Sun, 02 Nov 2008 01:10:00 GMT');
      // The copy from 01:30 CDT is older than the file, yet 01:30 >= 01:10 on the wall clock.
      expect((await lastModified(url, 'dst.css', { 'If-Modified-Since': first })).status).toBe(304);
      // And a file edited in the second pass is 304 to its own echo, as in 2008 (comparing
      // instants, "01:30" would be read as the earlier 01:30 CDT, and the answer would be 200).
      await touch('dst.css', new Date(Date.UTC(2008, 10, 2, 7, 30))); // 01:30 CST
      const second = (await lastModified(url, 'dst.css')).date!;
      expect(second).toBe('Sun, 02 Nov 2008 01:30:00 GMT');
      expect((await lastModified(url, 'dst.css', { 'If-Modified-Since': second })).status).toBe(304);
    });
  }, 30_000);

  it('in UTC the same code happens to be right', async () => {
    await inZone('UTC', async (url) => {
      expect((await lastModified(url, 'monitor.css')).date).toBe('Wed, 19 Mar 2008 20:32:00 GMT');
    });
  }, 30_000);
});

describe('seed with a UTC offset: the stages seed-chicago and seed-tokyo, in this process', () => {
  // The same bug as above without a child process: the stage is given the 2008 machine's offset.
  let chicago: Running;
  let tokyo: Running;
  let parsed: Running; // a correct server on the same files, for what any other client would see
  const name = 'offset.css';
  const HOUR = 3600_000;
  const touch = (file: string, time: Date) => utimes(path.join(fixture.root, file), time, time);

  beforeAll(async () => {
    await writeFile(path.join(fixture.root, name), 'p {}');
    const stage = (slug: string) => findStage(slug)!.create(diskStore(fixture.root));
    [chicago, tokyo, parsed] = await Promise.all([serve(stage('seed-chicago')), serve(stage('seed-tokyo')), serve(stage('echoed-date'))]);
  });
  afterAll(async () => {
    await Promise.all([chicago, tokyo, parsed].map((s) => s.close()));
  });
  const get = async (server: Running, file: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/${file}`, { headers });
    return { status: response.status, lastModified: response.headers.get('last-modified')!, date: response.headers.get('date')! };
  };

  it('labels local time GMT: five hours early in Chicago (CDT), nine hours late in Tokyo; the echo gets 304 from both', async () => {
    expect((await get(chicago, 'monitor.css')).lastModified).toBe('Wed, 19 Mar 2008 15:32:00 GMT');
    expect((await get(tokyo, 'monitor.css')).lastModified).toBe('Thu, 20 Mar 2008 05:32:00 GMT');
    for (const server of [chicago, tokyo]) {
      const sent = (await get(server, 'monitor.css')).lastModified;
      expect((await get(server, 'monitor.css', { 'If-Modified-Since': sent })).status).toBe(304); // the echo hides it
    }
  });

  it('keeps the default as it was: no offset given, the process’s own zone (TZ) is read', async () => {
    const zone = new Date(MTIME).getTimezoneOffset(); // minutes WEST of UTC, for this process
    const own = await serve(seedStage(diskStore(fixture.root)));
    try {
      expect((await get(own, 'monitor.css')).lastModified).toBe(dateTimeString(MTIME.getTime() - zone * 60_000));
    } finally {
      await own.close();
    }
  });

  it('Tokyo: a file changed now has a Last-Modified nine hours after the response’s own Date', async () => {
    await touch(name, new Date());
    const { lastModified, date } = await get(tokyo, name);
    expect(parseHttpDate(lastModified)! - parseHttpDate(date)!).toBeGreaterThan(8.9 * HOUR);
  });

  it('Tokyo: a correct date after the change (from any other client or cache) gets the whole file again', async () => {
    const changed = new Date(Date.now() - 5 * HOUR);
    await touch(name, changed);
    const afterTheChange = formatHttpDate(changed.getTime() + HOUR); // true: the copy is newer than the file
    expect((await get(parsed, name, { 'If-Modified-Since': afterTheChange })).status).toBe(304);
    expect((await get(tokyo, name, { 'If-Modified-Since': afterTheChange })).status).toBe(200);
  });

  it('Chicago: a correct date BEFORE the change gets a 304: a stale copy is confirmed', async () => {
    const changed = new Date(Date.now() - 10 * HOUR);
    await touch(name, changed);
    const beforeTheChange = formatHttpDate(changed.getTime() - HOUR); // a copy taken an hour before the edit
    expect((await get(parsed, name, { 'If-Modified-Since': beforeTheChange })).status).toBe(200);
    expect((await get(chicago, name, { 'If-Modified-Since': beforeTheChange })).status).toBe(304);
  });
});
