// Where the server finds its own files, from this module's place in the repository. Kept in one
// module, beside node.ts, so that `npm run serve` can run the server bundled into one file
// (scripts/serve.mjs) and still find them: the bundle is told this module's URL.
import { fileURLToPath } from 'node:url';

/** What the stages serve: the 2008 monitoring page and its assets. */
export const SAMPLES_DIR = fileURLToPath(new URL('./samples/', import.meta.url));

/** The built site (`npm run build`), which `npm run serve` serves at /. */
export const SITE_DIR = fileURLToPath(new URL('../dist/', import.meta.url));
