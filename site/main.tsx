// Entry point (loaded by /index.html).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './styles/theme.css';
import './styles/layout.css';
import './styles/code.css';

const rootElement = document.getElementById('root')!;

// The routes load the chapters, which throw (naming the file) when one is malformed: show that on
// the page, not only in the console, so a chapter's author sees it at once.
import('./routes')
  .then(({ router }) =>
    createRoot(rootElement).render(
      <StrictMode>
        <RouterProvider router={router} />
      </StrictMode>,
    ),
  )
  .catch((error: Error) => {
    const message = document.createElement('pre');
    message.className = 'startup-error';
    message.textContent = `Cachecraft could not start:\n${error.message}`;
    rootElement.replaceChildren(message);
  });
