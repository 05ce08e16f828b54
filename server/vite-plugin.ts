import type { Plugin } from 'vite';

// Placeholder: mounts the course server (server/app.ts) inside Vite's dev server. Being written.
export function courseServer(): Plugin {
  return { name: 'cachecraft-server' };
}
