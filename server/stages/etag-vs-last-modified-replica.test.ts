// "Two servers behind one name", and the chapter's file experiments, through the course app on a
// real port: the replica's sandbox copy has the same bytes, dated an hour earlier.
import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../http/http-date';
import { weakEtag } from '../http/etag';
import { useCourseApp } from '../testing/course-app';
import { REPLICA_MTIME_SHIFT_MS } from './etag-vs-last-modified-replica';

const course = useCourseApp();
const api = (p: string, init?: RequestInit) => fetch(`${course.server.url}${p}`, init);
const MAIN = '/ch/etag-vs-last-modified';
const REPLICA = '/ch/etag-vs-last-modified-replica';

describe('etag-vs-last-modified-replica: the same files, other mtimes', () => {
  it('sends the same content with the same strong ETag, and a Last-Modified an hour earlier', async () => {
    await Promise.all([MAIN, REPLICA].map((stage) => api(`/api/stages/${stage.slice(4)}/reset`, { method: 'POST' })));
    for (const name of ['index.html', 'monitor.css', 'status-ok.png']) {
      const [main, replica] = await Promise.all([api(`${MAIN}/${name}`), api(`${REPLICA}/${name}`)]);
      expect(Buffer.from(await replica.arrayBuffer()), name).toEqual(Buffer.from(await main.arrayBuffer()));
      expect(replica.headers.get('etag'), name).toBe(main.headers.get('etag'));
      const mainDate = parseHttpDate(main.headers.get('last-modified')!)!;
      const replicaDate = parseHttpDate(replica.headers.get('last-modified')!)!;
      expect(mainDate - replicaDate, name).toBe(REPLICA_MTIME_SHIFT_MS);
    }
  });

  it('a tag from one server is a 304 on the other; a date from the replica is a needless 200 on the main one', async () => {
    const fromReplica = await api(`${REPLICA}/monitor.css`);
    const tag = fromReplica.headers.get('etag')!;
    const date = fromReplica.headers.get('last-modified')!;
    expect((await api(`${MAIN}/monitor.css`, { headers: { 'If-None-Match': tag } })).status).toBe(304);
    const byDate = await api(`${MAIN}/monitor.css`, { headers: { 'If-Modified-Since': date } });
    expect(byDate.status).toBe(200); // the same bytes sent again: the main server's file is "newer"
    // Both validators, as a browser sends them: the tag wins, 304 on either server.
    for (const stage of [MAIN, REPLICA]) {
      expect((await api(`${stage}/monitor.css`, { headers: { 'If-None-Match': tag, 'If-Modified-Since': date } })).status).toBe(304);
    }
  });

  it('the replica lists its own mtimes an hour earlier', async () => {
    const list = async (stage: string) => (await (await api(`/api/stages/${stage.slice(4)}/files`)).json()) as { name: string; mtime: number }[];
    const [main, replica] = [await list(MAIN), await list(REPLICA)];
    for (const file of main) {
      const twin = replica.find((f) => f.name === file.name)!;
      expect(Math.abs(file.mtime - twin.mtime - REPLICA_MTIME_SHIFT_MS), file.name).toBeLessThan(0.001); // within a microsecond
    }
  });
});

describe('the file experiments of chapter 5', () => {
  it('"rewrite, same size, same mtime": new bytes; Last-Modified and a size-mtime tag stay, the ETag changes', async () => {
    await api('/api/stages/etag-vs-last-modified/reset', { method: 'POST' });
    const before = await api(`${MAIN}/monitor.css`);
    const text = await before.text();
    const [file] = ((await (await api('/api/stages/etag-vs-last-modified/files')).json()) as { name: string; size: number; mtime: number }[]).filter(
      (f) => f.name === 'monitor.css',
    );
    const rewrite = await api('/api/stages/etag-vs-last-modified/files/monitor.css/rewrite-same-mtime', { method: 'POST' });
    expect(rewrite.status).toBe(200);
    const rewritten = (await rewrite.json()) as { size: number; mtime: number };
    expect(rewritten.size).toBe(file!.size);
    expect(weakEtag(rewritten.size, rewritten.mtime)).toBe(weakEtag(file!.size, file!.mtime));

    const lastModified = before.headers.get('last-modified')!;
    const byDate = await api(`${MAIN}/monitor.css`, { headers: { 'If-Modified-Since': lastModified } });
    expect(byDate.status).toBe(304); // missed
    const byTag = await api(`${MAIN}/monitor.css`, { headers: { 'If-None-Match': before.headers.get('etag')! } });
    expect(byTag.status).toBe(200);
    expect(byTag.headers.get('last-modified')).toBe(lastModified);
    const after = await byTag.text();
    expect(after).not.toBe(text);
    expect(after.length).toBe(text.length);
    expect(after.toLowerCase()).toBe(text.toLowerCase()); // one letter changed case, nothing else
  });

  it('refuses to rewrite a file that is not text', async () => {
    const response = await api('/api/stages/etag-vs-last-modified/files/status-ok.png/rewrite-same-mtime', { method: 'POST' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('not a text file');
  });

  it('touch: Last-Modified changes, the ETag does not', async () => {
    await api('/api/stages/etag-vs-last-modified/reset', { method: 'POST' });
    const before = await api(`${MAIN}/monitor.css`);
    await api('/api/stages/etag-vs-last-modified/files/monitor.css/touch', { method: 'POST' });
    const after = await api(`${MAIN}/monitor.css`, { headers: { 'If-Modified-Since': before.headers.get('last-modified')! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('last-modified')).not.toBe(before.headers.get('last-modified'));
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    expect((await api(`${MAIN}/monitor.css`, { headers: { 'If-None-Match': before.headers.get('etag')! } })).status).toBe(304);
  });
});
