// What chapter 1 says of the sample page: "one view of the page costs seven requests".
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from './sandbox';

describe('the monitoring page', () => {
  it('costs seven requests: the page, five assets it links, and the file its script fetches', async () => {
    const html = await readFile(path.join(SAMPLES_DIR, 'index.html'), 'utf8');
    const script = await readFile(path.join(SAMPLES_DIR, 'monitor.js'), 'utf8');
    const linked = [
      ...[...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]!),
      ...[...html.matchAll(/<(?:script|img)\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!),
    ];
    const fetched = [...script.matchAll(/fetch\('([^']+)'\)/g)].map((m) => m[1]!);
    // status-ok.png is used twice and counted once: a document reuses an image it already has
    // (the HTML standard's "list of available images").
    const requests = new Set(['index.html', ...linked, ...fetched]);
    expect([...requests].sort()).toEqual(['VERSION', 'index.html', 'load-graph.png', 'monitor.css', 'monitor.js', 'status-down.png', 'status-ok.png']);
    // No other way to ask for something: no @import, url() or second script.
    expect(html).not.toMatch(/@import|url\(|<iframe|<object|<embed/);
    expect(await readFile(path.join(SAMPLES_DIR, 'monitor.css'), 'utf8')).not.toMatch(/@import|url\(/);
  });
});
