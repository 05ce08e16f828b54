// The site's pages: home, one page per chapter, and a friendly page for anything else.
// `npm run serve` learns which paths are pages from dist/routes.json (site/vite/routes-plugin.ts
// writes it at build time): a new kind of page must be added there too, or it answers 404.
import { createBrowserRouter } from 'react-router';
import { ChapterPage } from './ChapterPage';
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
      { path: 'chapters/:slug', element: <ChapterPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
