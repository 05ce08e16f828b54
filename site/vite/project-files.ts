// The project as "Open in StackBlitz" sends it: every file of the repository that git tracks
// (or, outside a git checkout, every file but node_modules/, dist/ and the ignored ones), as
// text, since StackBlitz's SDK takes files as strings only. Made at build time into
// `virtual:project-files`, a chunk that loads only when the button is pressed.
//
// Binary files cannot go: the sample images. They are made by scripts/make-sample-images.mjs
// (the committed ones are its exact output), so the exported package.json runs it before
// `vite` in its dev script. Everything else goes as it is in the working tree.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

export interface ProjectFiles {
  /** Path from the repository root (with "/") → the file's text. */
  files: Record<string, string>;
  /** Files left out because they are not text (each is made again by the dev script). */
  omitted: string[];
}

/** What the exported dev script runs first: it writes the images that could not be sent. */
export const MAKE_IMAGES = 'node scripts/make-sample-images.mjs';

const NEVER = /^(node_modules|dist|\.git|\.vite|\.workshop-test-[^/]*)(\/|$)/;

export function collectProjectFiles(root: string): ProjectFiles {
  const files: Record<string, string> = {};
  const omitted: string[] = [];
  for (const file of listFiles(root)) {
    const bytes = readFileSync(path.join(root, file));
    if (!isText(bytes)) omitted.push(file);
    else files[file] = bytes.toString('utf8');
  }
  const pkg = JSON.parse(files['package.json'] ?? '{}') as { scripts?: Record<string, string> };
  if (!pkg.scripts?.dev) throw new Error('package.json has no "dev" script to export');
  pkg.scripts.dev = `${MAKE_IMAGES} && ${pkg.scripts.dev}`;
  files['package.json'] = `${JSON.stringify(pkg, null, 2)}\n`;
  return { files, omitted };
}

function listFiles(root: string): string[] {
  try {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    // A tracked file deleted in the working tree is gone: it is not part of the project now.
    return tracked.split('\0').filter((file) => file !== '' && !NEVER.test(file) && existsSync(path.join(root, file)));
  } catch {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .filter((file) => !NEVER.test(file) && !file.endsWith('.log'));
  }
}

/** UTF-8 with no NUL byte: what StackBlitz can take as a string without changing a byte. */
function isText(bytes: Buffer): boolean {
  return !bytes.includes(0) && Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
}

const VIRTUAL_ID = 'virtual:project-files';

/** `import { files, omitted } from 'virtual:project-files'` (site/stackblitz/). */
export function projectFilesModule(): Plugin {
  let root = process.cwd();
  return {
    name: 'cachecraft-project-files',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      // In `npm run dev` the export follows the working tree: any change makes it again.
      server.watcher.on('all', () => {
        const module = server.moduleGraph.getModuleById('\0' + VIRTUAL_ID);
        if (module) server.moduleGraph.invalidateModule(module);
      });
    },
    resolveId: (id) => (id === VIRTUAL_ID ? '\0' + VIRTUAL_ID : null),
    load(id) {
      if (id !== '\0' + VIRTUAL_ID) return null;
      const { files, omitted } = collectProjectFiles(root);
      return `export const files = ${JSON.stringify(files)};\nexport const omitted = ${JSON.stringify(omitted)};\n`;
    },
  };
}
