import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { codeRegions } from './site/vite/regions-plugin';
import { courseChapters } from './site/vite/chapters-plugin';
import { pageWeight } from './site/vite/page-weight';
import { routesManifest } from './site/vite/routes-plugin';
import { projectFilesModule } from './site/vite/project-files';
import { courseServer } from './server/vite-plugin';
import { learnerStages } from './workshop/tools/learner-stages';
import { staticBuild } from './site/vite/static-build';

const regions = codeRegions();

// One port for everything: Vite serves the site, and the course server (stages, request log,
// experiments) is mounted in the same dev server so the playground is same-origin.
export default defineConfig({
  plugins: [
    // remarkFrontmatter: the front matter is not text (site/vite/chapters-plugin.ts reads it);
    // remarkGfm: tables (and the rest of GitHub's Markdown) in the chapters' text;
    // regions.remark: each <Code file region /> gets its region, highlighted.
    {
      enforce: 'pre',
      ...mdx({ remarkPlugins: [remarkFrontmatter, remarkGfm, regions.remark], providerImportSource: undefined }),
    },
    react({ include: /\.(mdx|tsx|ts)$/ }),
    courseChapters(), // virtual:chapters: the chapters' metadata, and one lazy chunk per chapter
    regions.vite, // `vite build` fails on a missing region
    routesManifest(), // dist/routes.json: the pages `npm run serve` answers 200 (the rest 404)
    pageWeight(), // `vite build` fails when a page or a chapter's chunk is over its budget
    projectFilesModule(), // virtual:project-files: the project "Open in StackBlitz" sends
    staticBuild(), // the static build: msw's worker, the samples, 404.html (static/start-static.ts)
    courseServer(learnerStages()), // the stages, and the workshop's "your server" ones (yours-<slug>)
  ],
  // Same-origin only: Vite's default CORS middleware would add "Vary: Origin" to every stage's
  // answers, a header the lessons did not ask for.
  server: { cors: false },
  // Page weight is checked by pageWeight() above. The one chunk over Vite's 500 kB warning is the
  // project "Open in StackBlitz" sends (about 1 MB of text), loaded only when that button is pressed.
  build: { chunkSizeWarningLimit: 4000 },
});
