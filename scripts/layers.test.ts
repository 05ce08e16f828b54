// The layers, one way down: site → playground → client → common, and server → common. The
// browser side may use the server's pure HTTP rules (server/http/*, no Node in them), never the
// other way round. tsconfig.server.json and tsconfig.client.json keep Node and the DOM apart;
// this keeps the imports pointing down.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What each top-level folder's production code may import, besides itself. */
const MAY_IMPORT: Record<string, string[]> = {
  common: [],
  server: ['common'],
  client: ['common', 'server/http'],
  playground: ['client', 'common', 'server/http'],
  chapters: ['client', 'common', 'server/http'],
  site: ['playground', 'client', 'common', 'chapters', 'server/http'],
  workshop: ['server', 'common'],
  // npm run check: a client of any server; it reuses the course's date and tag rules.
  check: ['common', 'server/http'],
};

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .filter((file) => !file.split(path.sep).includes('testing') && !file.startsWith(path.join('site', 'vite')));
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
    path.relative(ROOT, path.resolve(ROOT, path.dirname(file), m[1]!)),
  );
}

describe('layers', () => {
  for (const [layer, allowed] of Object.entries(MAY_IMPORT)) {
    it(`${layer}/ imports only ${[layer, ...allowed].join(', ')}`, () => {
      const wrong: string[] = [];
      for (const file of sources(layer)) {
        for (const target of imports(file)) {
          const ok = [layer, ...allowed].some((prefix) => target === prefix || target.startsWith(prefix + path.sep) || target.startsWith(prefix + '/'));
          if (!ok) wrong.push(`${file} → ${target}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
