// `npm run serve`: bundles server/node.ts into one plain JavaScript file and runs it.
//
// Why not run the TypeScript through tsx, as the tests do: under tsx's loader the same server
// spent about twice the CPU per 1 MiB answer (V8 ran many more full collections), and fell
// behind serve-static on large files (docs/performance.md). Bundling takes a fraction of a
// second; packages stay in node_modules (`packages: 'external'`).
import { build, stop } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// One file per process: two servers starting at once must not read each other's half-written bundle.
const outfile = path.join(root, 'node_modules', '.cache', 'cachecraft', `serve-${process.pid}.mjs`);

await build({
  entryPoints: [path.join(root, 'server', 'node.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  // The server finds its files from server/paths.ts's own URL; in the bundle, that is this one.
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(root, 'server', 'paths.ts')).href) },
});

// esbuild's service (a child process and the pipes to it) is not needed any more; left running,
// the server paid for it in garbage collection on every large answer.
await stop();
// Once loaded the file is not needed; the server may also end during loading (a bad option).
const remove = () => rmSync(outfile, { force: true });
process.once('exit', remove);
try {
  await import(pathToFileURL(outfile).href);
} finally {
  remove();
}
