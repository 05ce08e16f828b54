// The site's pages: home, one page per chapter, and a friendly page for anything else.
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
