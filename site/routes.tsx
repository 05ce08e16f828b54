// The site's pages: home, one page per chapter, and a friendly page for anything else.
// `npm run serve` learns which paths are pages from dist/routes.json (site/vite/routes-plugin.ts
// writes it at build time): a new kind of page must be added there too, or it answers 404.
import { createBrowserRouter } from 'react-router';
import { loadChapter } from './chapters';
import { Home } from './Home';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    errorElement: <NotFound />,
    children: [
      { index: true, element: <Home /> },
      {
        path: 'chapters/:slug',
        // Loaded when a chapter opens, in parallel: the chapter's own chunk (its text and tasks)...
        loader: async ({ params }) => (await loadChapter(params.slug)) ?? null,
        // ...and the chapter page with the playground, shared by all chapters.
        lazy: async () => ({ Component: (await import('./ChapterPage')).ChapterPage }),
        // The header and footer show at once on a first visit; the chapter follows.
        HydrateFallback: () => null,
      },
      { path: '*', element: <NotFound /> },
    ],
  },
], { basename: import.meta.env.BASE_URL }); // `npm run build -- --base /<repo>/`
