// The static build's pieces, without a browser: the stages and the course app bundle for the
// browser (a stage that imported a node: module would fail here, naming it), the worker script
// is the installed msw's, and the samples module holds every sample byte for byte.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../server/paths';
import { bundleStaticServer, mswWorkerSource, samplesModule } from './static-build';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the static build', () => {
  it('bundles the course app and every stage for the browser: no node: module on their path', async () => {
    const code = await bundleStaticServer(ROOT);
    expect(code).not.toMatch(/["']node:/);
    expect(code).toContain('startStatic');
  }, 30_000);

  it("copies msw's own worker script, whose version must match the msw package", () => {
    const version = (createRequire(import.meta.url)('msw/package.json') as { version: string }).version;
    expect(mswWorkerSource()).toContain(`const PACKAGE_VERSION = '${version}'`);
    expect(version).toMatch(/^2\./); // msw 3 needs Node >= 22.12; the course supports Node 20.19
  });

  it('bundles every sample with its bytes and mtime', async () => {
    const url = `data:text/javascript;base64,${Buffer.from(samplesModule()).toString('base64')}`;
    const { default: samples } = (await import(url)) as { default: [string, number, string][] };
    const names = readdirSync(SAMPLES_DIR).sort();
    expect(samples.map(([name]) => name)).toEqual(names);
    for (const [name, mtimeMs, base64] of samples) {
      expect(Buffer.from(base64, 'base64').equals(readFileSync(path.join(SAMPLES_DIR, name))), name).toBe(true);
      expect(mtimeMs, name).toBe(statSync(path.join(SAMPLES_DIR, name)).mtimeMs);
    }
  });
});
